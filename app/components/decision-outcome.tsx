import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import type { ShownText } from '#app/domain/bilingual.ts'
import type { DecisionOutcome as Outcome } from '#app/domain/review/decisions.ts'
import { useFormatters, type Formatters } from '#app/lib/i18n/formatters.ts'
import { Card } from './card.tsx'
import { ContentText } from './content-text.tsx'
import { DataTable } from './table.tsx'

export interface ShownOutcome {
  outcome: Outcome
  amountMinor: number | null
  feedback: string
  /** Set once the award's grant exists: its page. */
  grantId?: string | null
  criteria: {
    id: string
    label: ShownText
    own: number | null
    funded: number | null
    fundedCount: number
  }[]
  sharedComments: { body: string; criterion: ShownText | null }[]
}

const points = (format: Formatters, value: number | null) =>
  value === null ? '—' : format.number(Math.round(value))

/**
 * What a group reads once its application is decided: the award and its amount, or the funder's
 * feedback, its score per criterion beside the funded applications' average, and the reviewer
 * comments the officer shared (never who wrote them).
 */
export function DecisionOutcome({
  outcome,
  currency,
}: {
  outcome: ShownOutcome
  currency: string
}) {
  const { t } = useTranslation('decisions')
  const format = useFormatters()
  if (outcome.outcome === 'award') {
    return (
      <Card title={t('decisions:outcome.awardedTitle')}>
        <p>
          {t('decisions:outcome.awarded', {
            amount: format.money(outcome.amountMinor ?? 0, currency),
          })}
        </p>
        {outcome.feedback ? <p className="feedback-text">{outcome.feedback}</p> : null}
        {outcome.grantId ? (
          <p>
            <Link to={`/grants/${outcome.grantId}`}>{t('decisions:outcome.grant')}</Link>
          </p>
        ) : null}
      </Card>
    )
  }
  return (
    <Card title={t('decisions:outcome.declinedTitle')}>
      <p>{t('decisions:outcome.declined')}</p>
      <h3>{t('decisions:outcome.feedback')}</h3>
      <p className="feedback-text">{outcome.feedback}</p>
      {outcome.criteria.length > 0 ? (
        <>
          <h3>{t('decisions:outcome.scores')}</h3>
          <p className="hint">{t('decisions:outcome.scoresHint')}</p>
          <DataTable
            caption={t('decisions:outcome.scoresCaption')}
            rows={outcome.criteria}
            rowKey={(c) => c.id}
            columns={[
              {
                header: t('decisions:outcome.criterion'),
                rowHeader: true,
                cell: (c) => <ContentText shown={c.label} />,
              },
              {
                header: t('decisions:outcome.yours'),
                numeric: true,
                cell: (c) => points(format, c.own),
              },
              {
                header: t('decisions:outcome.funded'),
                numeric: true,
                cell: (c) => points(format, c.funded),
              },
            ]}
          />
        </>
      ) : null}
      {outcome.sharedComments.length > 0 ? (
        <>
          <h3>{t('decisions:outcome.comments')}</h3>
          <ul className="plain-list">
            {outcome.sharedComments.map((c, i) => (
              <li key={i}>
                <strong>
                  {c.criterion ? (
                    <ContentText shown={c.criterion} />
                  ) : (
                    t('decisions:outcome.overall')
                  )}
                </strong>
                {': '}
                <span className="feedback-text">{c.body}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  )
}
