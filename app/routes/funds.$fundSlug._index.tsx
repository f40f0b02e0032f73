import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { goalPercent } from '#app/domain/donations/giving.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import {
  findGivingFund,
  fundableGrants,
  settledGiftsMinor,
  type FundableGrant,
} from '#app/services/donations/giving.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(data ? { title: data.fund.name } : null, matches)

/**
 * A public fund's page, for anyone: what it is for, its programs, its goal and a way to give.
 * Not served from the anonymous page cache, so the goal bar follows each settled gift.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = await requestLanguage(request)
  const fund = await findGivingFund(params.fundSlug ?? '', reader)
  if (!fund) throwNotFound('donations:give.notFound')
  const raisedMinor = fund.goalMinor ? await settledGiftsMinor(fund) : 0
  return { fund, raisedMinor, grants: await fundableGrants(fund.id, reader) }
}

function GoalBar({
  raisedMinor,
  goalMinor,
  currency,
}: {
  raisedMinor: number
  goalMinor: number
  currency: string
}) {
  const { t } = useTranslation('donations')
  const format = useFormatters()
  const values = {
    raised: format.money(raisedMinor, currency),
    goal: format.money(goalMinor, currency),
  }
  return (
    <section className="card" aria-labelledby="goal-heading">
      <h2 id="goal-heading">{t('donations:fund.goalHeading')}</h2>
      <p id="goal-text">{t('donations:fund.goalText', values)}</p>
      <progress
        aria-labelledby="goal-text"
        max={100}
        value={goalPercent(raisedMinor, goalMinor)}
        style={{ width: '100%' }}
      />
      <p className="hint">{t('donations:fund.goalHint')}</p>
    </section>
  )
}

/** The fund's active grants, each with what gifts have funded and a way to give to it alone. */
function GrantsToSupport({
  grants,
  fund,
}: {
  grants: FundableGrant[]
  fund: { slug: string; currency: string }
}) {
  const { t } = useTranslation('donations')
  const format = useFormatters()
  return (
    <Card title={t('donations:fund.grants')}>
      <p className="hint">{t('donations:fund.grantsHint')}</p>
      <ul className="stack">
        {grants.map((g) => (
          <li key={g.id}>
            <strong>{g.grantee}</strong> · {g.programTitle}
            <br />
            {t('donations:fund.grantFunded', {
              funded: format.money(g.fundedMinor, fund.currency),
              amount: format.money(g.amountMinor, fund.currency),
            })}{' '}
            <Link to={`/funds/${fund.slug}/give?${new URLSearchParams({ grant: g.id })}`}>
              {t('donations:fund.giveToGrant', { grantee: g.grantee })}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  )
}

export default function FundPage() {
  const { fund, raisedMinor, grants } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  return (
    <>
      <h1>{fund.name}</h1>
      <p className="lede">{t('donations:funds.by', { funder: fund.funderName })}</p>
      {fund.description ? <p>{fund.description}</p> : null}
      {fund.givingClosed ? (
        <p className="callout">{t('donations:give.closed')}</p>
      ) : (
        <p className="actions">
          <Link className="btn btn-primary" to={`/funds/${fund.slug}/give`}>
            {t('donations:funds.give', { fund: fund.name })}
          </Link>
        </p>
      )}
      {fund.goalMinor ? (
        <GoalBar raisedMinor={raisedMinor} goalMinor={fund.goalMinor} currency={fund.currency} />
      ) : null}
      {fund.programs.length > 0 ? (
        <Card title={t('donations:fund.programs')}>
          <ul>
            {fund.programs.map((p) => (
              <li key={p.id}>
                <Link to={`/programs/${p.slug}`}>{p.title}</Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {grants.length > 0 && !fund.givingClosed ? (
        <GrantsToSupport grants={grants} fund={fund} />
      ) : null}
    </>
  )
}
