import { Trans, useTranslation } from 'react-i18next'
import { Moment } from './moment.tsx'

/** Offers back the edits this browser kept but the server never received. */
export function DraftBackupBanner({
  pending,
  restore,
  discard,
}: {
  pending: { savedAt: string; older: boolean } | null
  restore: () => void
  discard: () => void
}) {
  const { t } = useTranslation()
  if (!pending) return null
  return (
    <div className="flash flash-info" role="status">
      <p>
        <Trans
          i18nKey="common:draftBackupBanner.kept"
          components={{ moment: <Moment iso={pending.savedAt} /> }}
        />
      </p>
      {pending.older ? (
        <p>
          <strong>{t('common:draftBackupBanner.newer')}</strong>{' '}
          {t('common:draftBackupBanner.newerText')}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={restore}>
          {t('common:draftBackupBanner.restore')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={discard}>
          {t('common:draftBackupBanner.discard')}
        </button>
      </div>
    </div>
  )
}
