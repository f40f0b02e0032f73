import { useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { useFormatters } from '#app/lib/i18n/formatters.ts'

/**
 * A moment shown in the zone it was set in (the program's) and, once the page is running in
 * the browser, also in the visitor's own zone. The server cannot know the visitor's zone, so
 * the first render is the program-zone text alone on both sides and the local time is added
 * after hydration: no mismatch, and without JavaScript the zone-named text still stands.
 */
export function LocalTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const there = format.dateTime(iso, timeZone)
  const [zone, setZone] = useState<string | null>(null)
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone || null)
  }, [])
  const here = zone === null ? null : format.dateTime(iso, zone)
  return (
    <>
      <time dateTime={iso}>{there}</time>
      {here === null ? null : here === there ? (
        <span className="local-time"> {t('common:localTime.sameZone')}</span>
      ) : (
        <span className="local-time">
          {' '}
          <Trans
            i18nKey="common:localTime.elsewhere"
            values={{ here }}
            components={{ time: <time dateTime={iso} /> }}
          />
        </span>
      )}
    </>
  )
}
