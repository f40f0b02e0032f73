import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { MatchReasons } from '#app/components/match-reasons.tsx'
import type { SuggestedVolunteer } from '#app/domain/volunteers/suggestions.ts'

/** An open request's best-fitting volunteers, each with the score and its reasons in words. */
export function SuggestedVolunteers({ volunteers }: { volunteers: SuggestedVolunteer[] }) {
  const { t } = useTranslation('volunteers')
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
              <MatchReasons score={v.score} reasons={v.reasons} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
