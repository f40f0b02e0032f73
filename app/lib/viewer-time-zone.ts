import { useEffect, useState } from 'react'
import { useRouteLoaderData } from '@remix-run/react'
import { isTimeZone } from './time-zones.ts'

/** The cookie the browser sets so the server can render times in the viewer's zone. */
export const TIME_ZONE_COOKIE = 'tz'

/** The viewer's IANA zone from a Cookie header, or UTC when none (or nonsense) was sent. */
export function timeZoneFromCookie(header: string | null): string {
  for (const part of header?.split(';') ?? []) {
    const [name, ...rest] = part.trim().split('=')
    if (name !== TIME_ZONE_COOKIE) continue
    try {
      const zone = decodeURIComponent(rest.join('='))
      return isTimeZone(zone) ? zone : 'UTC'
    } catch {
      return 'UTC'
    }
  }
  return 'UTC'
}

export function browserTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return zone && isTimeZone(zone) ? zone : null
}

/** Remembers the browser's zone for the server's next render (a preference, not a secret). */
export function rememberBrowserTimeZone(known: string) {
  const zone = browserTimeZone()
  if (!zone || zone === known) return
  document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`
}

/**
 * The zone to show moments in: the one the server rendered with (from the cookie, UTC on a first
 * visit), then the browser's own once the page runs, so server and client agree while hydrating.
 */
export function useViewerTimeZone(): string {
  const root = useRouteLoaderData<{ timeZone?: string }>('root')
  const rendered = root?.timeZone ?? 'UTC'
  const [zone, setZone] = useState(rendered)
  useEffect(() => {
    setZone(browserTimeZone() ?? rendered)
  }, [rendered])
  return zone
}
