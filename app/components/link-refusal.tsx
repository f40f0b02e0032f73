import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'

export type LinkRefusalReason = 'unknown' | 'used' | 'expired' | 'other-account' | 'stale' | 'taken'

/**
 * The page a mailed link that cannot be used answers with: what happened, in plain words, and
 * what to do next. Nothing was changed.
 */
export function LinkRefusal({ reason, again }: { reason: LinkRefusalReason; again: string }) {
  const { t } = useTranslation('auth')
  const text = (() => {
    switch (reason) {
      case 'unknown':
        return t('auth:links.unknown')
      case 'used':
        return t('auth:links.used')
      case 'expired':
        return t('auth:links.expired')
      case 'other-account':
        return t('auth:links.otherAccount')
      case 'stale':
        return t('auth:links.stale')
      case 'taken':
        return t('auth:links.taken')
    }
  })()
  return (
    <>
      <h1>{t('auth:links.title')}</h1>
      <p>{text}</p>
      <p>{t('auth:links.nothingChanged')}</p>
      <p>
        <Link to={again}>{t('auth:links.again')}</Link>
      </p>
    </>
  )
}

/** The HTTP status of each refusal: unknown 404, another account's 403, used up or late 410. */
export const LINK_REFUSAL_STATUS: Record<LinkRefusalReason, number> = {
  unknown: 404,
  'other-account': 403,
  used: 410,
  expired: 410,
  stale: 410,
  taken: 409,
}
