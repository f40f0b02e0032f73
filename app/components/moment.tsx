import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useViewerTimeZone } from '#app/lib/viewer-time-zone.ts'

/**
 * A point in time shown in the viewer's own zone, named ("Nov 25, 2026, 11:15 PM EST"), for
 * things that happened (submitted, signed in, audited). Deadlines are shown in the program's
 * zone instead, with LocalTime.
 */
export function Moment({ iso }: { iso: string }) {
  return useMoments()(iso)
}

/**
 * Moments as Moment shows them, for a list with one per row: the zone and the formatters are
 * looked up once, by the list, rather than by a component in every row.
 */
export function useMoments() {
  const zone = useViewerTimeZone()
  const format = useFormatters()
  return (iso: string) => <time dateTime={iso}>{format.dateTime(iso, zone)}</time>
}
