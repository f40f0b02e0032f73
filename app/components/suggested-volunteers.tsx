import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { MatchReasons } from '#app/components/match-reasons.tsx'
import type { SuggestedVolunteer } from '#app/domain/volunteers/suggestions.ts'

/**
 * An open request's best-fitting volunteers, each with the score and its reasons in words. Those
 * the platform's latest batch suggested for it (`batch`) are marked, and listed first when the
 * ranking did not show them.
 */
export function SuggestedVolunteers({
  volunteers: ranked,
  batch = [],
}: {
  volunteers: SuggestedVolunteer[]
  batch?: SuggestedVolunteer[]
}) {
  const { t } = useTranslation('volunteers')
  const batchIds = new Set(batch.map((v) => v.id))
  const volunteers = [...batch.filter((b) => !ranked.some((v) => v.id === b.id)), ...ranked]
  return (
    <Card title={t('volunteers:matching.suggestedTitle')}>
      {volunteers.length === 0 ? (
        <p>{t('volunteers:matching.noneSuggested')}</p>
      ) : (
        <ol className="stack">
          {volunteers.map((v) => (
            <li key={v.id}>
              <p>
                <Link to={`/volunteers/${v.id}`}>{v.name}</Link> — {v.headline}
              </p>
              {batchIds.has(v.id) ? (
                <p className="badge">{t('volunteers:batch.markedForRequest')}</p>
              ) : null}
              <MatchReasons score={v.score} reasons={v.reasons} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
