import { useEffect, useState } from 'react'
import { formatDateTime } from '#app/lib/format.ts'

/**
 * A moment shown in the zone it was set in (the program's) and, once the page is running in
 * the browser, also in the visitor's own zone. The server cannot know the visitor's zone, so
 * the first render is the program-zone text alone on both sides and the local time is added
 * after hydration: no mismatch, and without JavaScript the zone-named text still stands.
 */
export function LocalTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const there = formatDateTime(iso, timeZone)
  const [here, setHere] = useState<string | null>(null)
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (zone) setHere(formatDateTime(iso, zone))
  }, [iso])
  return (
    <>
      <time dateTime={iso}>{there}</time>
      {here === null ? null : here === there ? (
        <span className="local-time"> (your time zone too)</span>
      ) : (
        <span className="local-time">
          {' '}
          (<time dateTime={iso}>{here}</time> where you are)
        </span>
      )}
    </>
  )
}
