import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { Link, NavLink } from '#app/components/link.tsx'
import { useEffect, type ReactNode } from 'react'
import { FlashMessage } from './components/flash.tsx'
import { Button } from './components/button.tsx'
import styles from './styles/app.css?url'
import {
  getPageHeader,
  getSessionOrganizations,
  getSessionUser,
  takeFlash,
} from './utils/session.server.ts'
import { useNonce } from './lib/nonce.tsx'
import { rememberBrowserTimeZone, timeZoneFromCookie } from './lib/viewer-time-zone.ts'
import { forgetAllDraftBackups, forgetDraftBackup } from './lib/use-draft-backup.ts'
import { OrgSwitcher } from './components/org-switcher.tsx'
import { LanguageSwitch } from './components/language-switch.tsx'
import { useTranslation } from 'react-i18next'
import { requestLanguage, fixedT } from './utils/i18n.server.ts'
import { publicOrigin } from './utils/http.server.ts'
import { titleMeta } from './lib/i18n/meta.ts'
import { useMessage } from './lib/i18n/message.ts'
import { isLanguage, routeNamespaces } from './lib/i18n/config.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ matches }) => titleMeta(null, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const organizations = await getSessionOrganizations(request)
  const { flash, header } = await takeFlash(request)
  const language = await requestLanguage(request)
  const t = fixedT(language)
  const url = new URL(request.url)
  const current =
    organizations.find((o) => o.id === user?.currentOrganizationId) ?? organizations[0] ?? null
  const { unread, reviewer } = await getPageHeader(request)
  return data(
    {
      user: user
        ? {
            name: user.name,
            email: user.email,
            isPlatformAdmin: user.isPlatformAdmin,
            emailVerified: user.emailVerified,
          }
        : null,
      organizations,
      currentOrganization: current,
      flash,
      timeZone: timeZoneFromCookie(request.headers.get('Cookie')),
      language,
      siteTitle: t('common:site.name'),
      unread,
      /** On a review panel: the header links to the person's reviews. */
      reviewer,
      /** This page without its query, for hreflang alternates. */
      pageUrl: `${publicOrigin(request)}${url.pathname}`,
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
  reviewer,
}: {
  user: RootData['user']
  current: RootData['currentOrganization']
  reviewer: boolean
}) {
  const { t } = useTranslation()
  return (
    <ul className="nav-list">
      <li>
        <NavLink to="/programs">{t('common:nav.programs')}</NavLink>
      </li>
      <li>
        <NavLink to="/funds">{t('common:nav.give')}</NavLink>
      </li>
      {user ? (
        <>
          <li>
            <NavLink to="/" end>
              {t('common:nav.dashboard')}
            </NavLink>
          </li>
          {current ? (
            <li>
              <NavLink to={`/orgs/${current.slug}`}>{current.name}</NavLink>
            </li>
          ) : null}
          {reviewer ? (
            <li>
              <NavLink to="/reviews">{t('common:nav.reviews')}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/gifts">{t('common:nav.gifts')}</NavLink>
          </li>
          {user.isPlatformAdmin ? (
            <li>
              <NavLink to="/admin">{t('common:nav.admin')}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/account">{t('common:nav.account')}</NavLink>
          </li>
          <li>
            <Form method="post" action="/logout" onSubmit={forgetAllDraftBackups}>
              <button type="submit" className="btn btn-link">
                {t('common:nav.logOut')}
              </button>
            </Form>
          </li>
        </>
      ) : (
        <>
          <li>
            <NavLink to="/login">{t('common:nav.logIn')}</NavLink>
          </li>
          <li>
            <NavLink to="/signup">{t('common:nav.signUp')}</NavLink>
          </li>
        </>
      )}
    </ul>
  )
}

/** The bell: a plain link to /notifications whose accessible name says how many are unread. */
function NotificationBell({ count }: { count: number }) {
  const { t } = useTranslation()
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={count > 0 ? t('common:bell.label', { count }) : t('common:bell.none')}
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  )
}

function SiteHeader() {
  const root = useRootData()
  const user = root?.user ?? null
  const current = root?.currentOrganization ?? null
  const reviewer = root?.reviewer ?? false
  const location = useLocation()
  const { t } = useTranslation()
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          {t('common:site.name')}
        </Link>
        {/* Only one of the two shows at a time (CSS by width); the phone's works without JS. */}
        <nav aria-label={t('common:nav.label')} className="nav-wide">
          <MainNavList user={user} current={current} reviewer={reviewer} />
        </nav>
        {/* Keyed by page, so the menu closes when a link in it is followed. */}
        <details className="nav-menu" key={location.key}>
          <summary>{t('common:nav.menu')}</summary>
          <nav aria-label={t('common:nav.label')}>
            <MainNavList user={user} current={current} reviewer={reviewer} />
          </nav>
        </details>
        {user ? <NotificationBell count={root?.unread ?? 0} /> : null}
        <LanguageSwitch />
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
  const { t, i18n } = useTranslation()
  const root = useRootData()
  // The root loader's choice; on an error page without it, the language the page renders in.
  const lang = root?.language ?? (isLanguage(i18n.language) ? i18n.language : 'en')
  useEffect(() => {
    // A client-side visit to a `?lang=` address: follow the loader's choice.
    if (i18n.language !== lang) void i18n.changeLanguage(lang)
  }, [i18n, lang])
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('common:skipLink')}
        </a>
        <SiteHeader />
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer container">
          <p>{t('common:footer.tagline')}</p>
          {root?.user ? null : (
            <p>
              <Link to="/gifts/lookup">{t('common:footer.findGifts')}</Link>
            </p>
          )}
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/**
 * The namespaces the matched routes declare in `handle.i18n`, loaded before they show: on a
 * client-side visit this suspends inside Remix's transition, so the old page stays until they
 * arrive (a page's words from another area, "Owner" on the admin's pages, are never shown as keys).
 */
function useRouteNamespaces() {
  useTranslation(routeNamespaces(useMatches().map((m) => m.handle)))
}

export default function App() {
  useRouteNamespaces()
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
      <UnverifiedEmailBanner />
      <Outlet />
    </>
  )
}

/**
 * Until the account has used its verification link: a reminder, and a button that mails the link
 * again (a plain post, so it works without JavaScript; the server throttles it).
 */
function UnverifiedEmailBanner() {
  const root = useRootData()
  const location = useLocation()
  const { t } = useTranslation()
  const user = root?.user
  if (!user || user.emailVerified) return null
  return (
    <section className="flash flash-info verify-banner" aria-label={t('common:verifyBanner.label')}>
      <p>{t('common:verifyBanner.text', { email: user.email })}</p>
      <Form method="post" action="/resend-verification">
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <Button variant="secondary">{t('common:verifyBanner.resend')}</Button>
      </Form>
    </section>
  )
}

/** Headings of the error pages by status (literal keys, so the key check finds them). */
function errorHeading(t: ReturnType<typeof useTranslation>['t'], status: number) {
  switch (status) {
    case 400:
      return t('common:errors.badRequest')
    case 403:
      return t('common:errors.forbidden')
    case 404:
      return t('common:errors.notFound')
    case 413:
      return t('common:errors.tooLarge')
    default:
      return t('common:errors.generic')
  }
}

export function ErrorBoundary() {
  useRouteNamespaces()
  const error = useRouteError()
  const { t } = useTranslation()
  const tm = useMessage()
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === 'object' && error.data && 'message' in error.data
        ? tm(String((error.data as { message: unknown }).message))
        : ''
    return (
      <section className="error-page">
        <h1>{errorHeading(t, error.status)}</h1>
        <p>{message || t('common:errors.notFoundText')}</p>
        <p>
          <Link to="/">{t('common:errors.home')}</Link>
        </p>
      </section>
    )
  }
  // The server log gets the details; the page stays calm and says nothing was lost.
  if (typeof document === 'undefined') console.error(error)
  return (
    <section className="error-page">
      <h1>{t('common:errors.generic')}</h1>
      <p>{t('common:errors.unexpected')}</p>
      <p>
        <Link to="/">{t('common:errors.home')}</Link>
      </p>
    </section>
  )
}
