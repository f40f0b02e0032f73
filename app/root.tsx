import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { FlashMessage } from './components/flash.tsx'
import styles from './styles/app.css?url'
import { getSessionOrganizations, getSessionUser, takeFlash } from './utils/session.server.ts'
import { useNonce } from './lib/nonce.tsx'
import { rememberBrowserTimeZone, timeZoneFromCookie } from './lib/viewer-time-zone.ts'
import { forgetAllDraftBackups, forgetDraftBackup } from './lib/use-draft-backup.ts'
import { OrgSwitcher } from './components/org-switcher.tsx'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Commons Fund' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const organizations = await getSessionOrganizations(request)
  const { flash, header } = await takeFlash(request)
  const current =
    organizations.find((o) => o.id === user?.currentOrganizationId) ?? organizations[0] ?? null
  return data(
    {
      user: user
        ? { name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin }
        : null,
      organizations,
      currentOrganization: current,
      flash,
      timeZone: timeZoneFromCookie(request.headers.get('Cookie')),
    },
    { headers: flash ? { 'Set-Cookie': header } : undefined },
  )
}

export type RootData = Awaited<ReturnType<typeof loader>>['data']

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

/** The main navigation's links; the header shows them in a row, or on a phone behind Menu. */
function MainNavList({
  user,
  current,
}: {
  user: RootData['user']
  current: RootData['currentOrganization']
}) {
  return (
    <ul className="nav-list">
      <li>
        <NavLink to="/programs">Programs</NavLink>
      </li>
      {user ? (
        <>
          <li>
            <NavLink to="/" end>
              Dashboard
            </NavLink>
          </li>
          {current ? (
            <li>
              <NavLink to={`/orgs/${current.slug}`}>{current.name}</NavLink>
            </li>
          ) : null}
          {user.isPlatformAdmin ? (
            <li>
              <NavLink to="/admin">Admin</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/account">Account</NavLink>
          </li>
          <li>
            <Form method="post" action="/logout" onSubmit={forgetAllDraftBackups}>
              <button type="submit" className="btn btn-link">
                Log out
              </button>
            </Form>
          </li>
        </>
      ) : (
        <>
          <li>
            <NavLink to="/login">Log in</NavLink>
          </li>
          <li>
            <NavLink to="/signup">Sign up</NavLink>
          </li>
        </>
      )}
    </ul>
  )
}

function SiteHeader() {
  const root = useRootData()
  const user = root?.user ?? null
  const current = root?.currentOrganization ?? null
  const location = useLocation()
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          Commons Fund
        </Link>
        {/* Only one of the two shows at a time (CSS by width); the phone's works without JS. */}
        <nav aria-label="Main" className="nav-wide">
          <MainNavList user={user} current={current} />
        </nav>
        {/* Keyed by page, so the menu closes when a link in it is followed. */}
        <details className="nav-menu" key={location.key}>
          <summary>Menu</summary>
          <nav aria-label="Main">
            <MainNavList user={user} current={current} />
          </nav>
        </details>
      </div>
      {user && root && root.organizations.length > 1 && current ? (
        <div className="container">
          <OrgSwitcher organizations={root.organizations} currentId={current.id} />
        </div>
      ) : null}
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer container">
          <p>Commons Fund: resources to community-led health equity work.</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const { flash, timeZone } = useLoaderData<typeof loader>()
  const location = useLocation()
  useEffect(() => rememberBrowserTimeZone(timeZone), [timeZone])
  // The server has the save this browser kept a backup of. Each load brings a new flash object,
  // so a second save of the same form (two new funds in a row) is seen too.
  useEffect(() => {
    if (flash?.forgetAllDrafts) forgetAllDraftBackups()
    else if (flash?.draft) forgetDraftBackup(flash.draft)
  }, [flash])
  return (
    <>
      <FlashMessage key={location.key} flash={flash} />
      <Outlet />
    </>
  )
}

const ERROR_HEADINGS: Record<number, string> = {
  400: 'That request could not be read',
  403: 'Not allowed',
  404: 'Page not found',
  413: 'That was too large to accept',
}

export function ErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === 'object' && error.data && 'message' in error.data
        ? String((error.data as { message: unknown }).message)
        : error.statusText
    return (
      <section className="error-page">
        <h1>{ERROR_HEADINGS[error.status] ?? 'Something went wrong'}</h1>
        <p>{message || 'We could not find what you asked for.'}</p>
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </section>
    )
  }
  // The server log gets the details; the page stays calm and says nothing was lost.
  if (typeof document === 'undefined') console.error(error)
  return (
    <section className="error-page">
      <h1>Something went wrong</h1>
      <p>An unexpected error happened. Nothing you saved has been lost; please try again.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  )
}
