import { forwardRef, useContext, type ReactNode } from 'react'
import {
  Link as RemixLink,
  NavLink as RemixNavLink,
  type LinkProps,
  type NavLinkProps,
} from '@remix-run/react'
import { UNSAFE_NavigationContext, useLocation } from 'react-router-dom'

/**
 * Remix's Link and NavLink, except that on the server a link to a plain path of this site is
 * written as the anchor Remix would write, without Remix's and React Router's hooks. Those
 * resolve every link's path against the route matches three or four times (each time encoding
 * and decoding the matches as JSON) for the same `href`, about a tenth of a funder page's server
 * CPU with its fifty links (docs/decisions/013-throughput.md, round nine). In the browser, and
 * on the server for anything else (relative paths, other props of Remix's), these are Remix's
 * own components; tests/unit/server-links.test.tsx checks that both write the same markup.
 */

/** A path that resolves to itself: from the root, no dot segments, no doubled slashes, no
 * characters the router would encode, and a query and fragment that are not left empty. */
const PLAIN_PATH = /^\/(?!.*\/\.\.?(?:\/|$))[A-Za-z0-9\-._~/]*(?:\?[^#]+)?(?:#.+)?$/

/** Props of Remix's links that change what a link is or does beyond its markup. */
const REMIX_ONLY = [
  'relative',
  'reloadDocument',
  'discover',
  'state',
  'replace',
  'preventScrollReset',
  'viewTransition',
  'caseSensitive',
] as const

function isPlain(to: LinkProps['to'], props: object, basename: string) {
  if (typeof to !== 'string' || basename !== '/' || !PLAIN_PATH.test(to) || to.includes('//'))
    return false
  const prefetch = (props as { prefetch?: string }).prefetch
  if (prefetch === 'render' || prefetch === 'viewport') return false
  return REMIX_ONLY.every((name) => !(name in props))
}

/** The markup's own attributes: what Remix's link takes for itself is not written. */
function attributes<P extends { prefetch?: unknown; to?: unknown }>(props: P) {
  const { prefetch: _prefetch, to: _to, ...rest } = props
  return rest
}

const ServerLink = forwardRef<HTMLAnchorElement, LinkProps>(function ServerLink(props, ref) {
  const { basename } = useContext(UNSAFE_NavigationContext)
  if (!isPlain(props.to, props, basename)) return <RemixLink {...props} ref={ref} />
  const { target, children, ...rest } = attributes(props)
  return (
    <a {...rest} data-discover="true" href={props.to as string} ref={ref} target={target}>
      {children}
    </a>
  )
})

/** Whether a NavLink to `path` is the current page, as React Router decides (case-insensitive). */
function isActivePath(path: string, location: string, end: boolean) {
  const to = path.replace(/[?#].*$/, '').toLowerCase()
  const here = location.toLowerCase()
  const endSlash = to !== '/' && to.endsWith('/') ? to.length - 1 : to.length
  return here === to || (!end && here.startsWith(to) && here.charAt(endSlash) === '/')
}

const ServerNavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(
  function ServerNavLink(props, ref) {
    const { basename } = useContext(UNSAFE_NavigationContext)
    const { pathname } = useLocation()
    const {
      'aria-current': ariaCurrent = 'page',
      className,
      end = false,
      style,
      children,
      target,
      ...rest
    } = attributes(props)
    if (!isPlain(props.to, props, basename) || typeof style === 'function')
      return <RemixNavLink {...props} ref={ref} />
    const isActive = isActivePath(props.to as string, pathname, end)
    const state = { isActive, isPending: false, isTransitioning: false }
    return (
      <a
        {...rest}
        data-discover="true"
        aria-current={isActive ? ariaCurrent : undefined}
        className={
          typeof className === 'function'
            ? className(state)
            : [className, isActive ? 'active' : null].filter(Boolean).join(' ')
        }
        style={style}
        href={props.to as string}
        ref={ref}
        target={target}
      >
        {typeof children === 'function' ? (children(state) as ReactNode) : children}
      </a>
    )
  },
)

const onServer = typeof document === 'undefined'

export const Link = onServer ? ServerLink : RemixLink
export const NavLink = onServer ? ServerNavLink : RemixNavLink
/** For the test that compares the two. */
export { ServerLink, ServerNavLink }
