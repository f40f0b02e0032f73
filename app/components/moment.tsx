import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useViewerTimeZone } from '#app/lib/viewer-time-zone.ts'

/**
 * A point in time shown in the viewer's own zone, named ("Nov 25, 2026, 11:15 PM EST"), for
 * things that happened (submitted, signed in, audited). Deadlines are shown in the program's
 * zone instead, with LocalTime.
 */
export function Moment({ iso }: { iso: string }) {
  const zone = useViewerTimeZone()
  const format = useFormatters()
  return <time dateTime={iso}>{format.dateTime(iso, zone)}</time>
}
