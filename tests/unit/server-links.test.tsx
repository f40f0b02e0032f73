import type { ComponentProps, ReactElement } from 'react'
import { renderToString } from 'react-dom/server'
import { Link as RemixLink, NavLink as RemixNavLink } from '@remix-run/react'
import { createStaticHandler } from '@remix-run/router'
import { createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'
import { Link, NavLink, ServerLink, ServerNavLink } from '#app/components/link.tsx'

/** The page at `url` as the server renders it, with `element` in a route three levels deep. */
async function render(url: string, element: ReactElement) {
  const routes = [
    {
      id: 'root',
      path: '/',
      children: [
        {
          id: 'orgs',
          path: 'orgs/:slug',
          children: [
            { id: 'org', index: true, element },
            { id: 'page', path: '*', element },
          ],
        },
        { id: 'home', index: true, element },
      ],
    },
  ]
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://localhost${url}`))
  if (context instanceof Response) throw new Error('unexpected response')
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />)
}

type LinkCase = ComponentProps<typeof RemixLink>
type NavCase = ComponentProps<typeof RemixNavLink>

const links: LinkCase[] = [
  { to: '/applications/6f1c2d3e-1', children: 'An application' },
  { to: '/', children: 'Home' },
  { to: '/orgs/eastside/', children: 'Trailing slash' },
  { to: '/programs?status=open&q=a%20b', children: 'Query' },
  { to: '/funds#give', children: 'Fragment' },
  { to: '/programs?page=2', rel: 'next', className: 'pager', children: 'Next' },
  { to: '/gifts', prefetch: 'intent', target: '_blank', 'aria-label': 'Gifts', children: 'G' },
  { to: '/files/.well-known', children: 'Dot in a name' },
  // Not plain: Remix's own component writes these.
  { to: 'settings', children: 'Relative' },
  { to: '../fairness', relative: 'path', children: 'Up' },
  { to: '/a/./b/../c', children: 'Dot segments' },
  { to: '/a//b', children: 'Doubled slash' },
  { to: '/caf\u00e9 menu', children: 'Encoded' },
  { to: '/programs?', children: 'Empty query' },
  { to: '/funds#', children: 'Empty fragment' },
  { to: 'https://example.org/x', children: 'Elsewhere' },
  { to: '//example.org/x', children: 'Protocol-relative' },
  { to: '/thanks', reloadDocument: true, children: 'Reload' },
  { to: { pathname: '/programs', search: '?a=1' }, children: 'Object' },
  { to: '/programs', prefetch: 'render', children: 'Prefetched' },
]

const navLinks: NavCase[] = [
  { to: '/', end: true, children: 'Dashboard' },
  { to: '/', children: 'Root, not end' },
  { to: '/orgs/eastside', children: 'The organisation' },
  { to: '/orgs/eastside', end: true, children: 'Exactly' },
  { to: '/orgs/EASTSIDE/settings', children: 'Case' },
  { to: '/orgs/eastside/settings/', children: 'Trailing slash' },
  { to: '/orgs/east', children: 'A prefix that is not a segment' },
  { to: '/orgs/eastside/settings?tab=1', children: 'With a query' },
  { to: '/programs', className: 'tab', children: 'Not here' },
  { to: '/orgs/eastside', className: 'tab', children: 'Here, with a class' },
  {
    to: '/orgs/eastside/settings',
    className: ({ isActive }) => (isActive ? 'on' : 'off'),
    children: ({ isActive }) => (isActive ? 'Settings (here)' : 'Settings'),
  },
  { to: '/orgs/eastside/settings', 'aria-current': 'location', children: 'Current' },
  { to: '/orgs/eastside/settings', style: { color: 'red' }, children: 'Styled' },
  // Not plain.
  { to: '/orgs/eastside/settings', style: () => ({}), children: 'Style function' },
  { to: '/orgs/eastside/Settings', caseSensitive: true, children: 'Case-sensitive' },
  { to: 'settings', children: 'Relative' },
]

describe("the server's links", () => {
  it('are the server-side ones here (no document), and Remix’s in a browser', () => {
    expect(Link).toBe(ServerLink)
    expect(NavLink).toBe(ServerNavLink)
  })

  for (const url of ['/orgs/eastside/settings', '/', '/orgs/eastside']) {
    it(`write what Remix's Link writes, on ${url}`, async () => {
      for (const props of links) {
        const theirs = await render(url, <RemixLink {...props} />)
        const ours = await render(url, <ServerLink {...props} />)
        expect(ours, JSON.stringify(props.to)).toBe(theirs)
        expect(theirs).toContain('<a ')
      }
    })

    it(`write what Remix's NavLink writes, on ${url}`, async () => {
      for (const props of navLinks) {
        const theirs = await render(url, <RemixNavLink {...props} />)
        const ours = await render(url, <ServerNavLink {...props} />)
        expect(ours, `${JSON.stringify(props.to)} ${String(props.children)}`).toBe(theirs)
      }
    })
  }

  it('mark the current page as Remix does (the cases above are not all inactive)', async () => {
    const html = await render('/orgs/eastside/settings', <ServerNavLink to="/orgs/eastside" />)
    expect(html).toContain('aria-current="page"')
    expect(html).toContain('class="active"')
  })
})
