import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { listGivingFunds } from '#app/services/donations/giving.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** Every public fund, for anyone: the header's "Give" leads here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await requestT(request)
  return { title: t('donations:funds.title'), funds: await listGivingFunds() }
}

export default function GivingFunds() {
  const { funds } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  return (
    <>
      <h1>{t('donations:funds.title')}</h1>
      <p className="lede">{t('donations:funds.lede')}</p>
      {funds.length === 0 ? (
        <EmptyState title={t('donations:funds.empty')} />
      ) : (
        funds.map((fund) => (
          <Card key={fund.slug} title={fund.name}>
            <p>{t('donations:funds.by', { funder: fund.funderName })}</p>
            <p className="actions">
              <Link className="btn btn-primary" to={`/funds/${fund.slug}/give`}>
                {t('donations:funds.give', { fund: fund.name })}
              </Link>
              <Link to={`/funds/${fund.slug}`}>
                {t('donations:funds.about', { fund: fund.name })}
              </Link>
            </p>
          </Card>
        ))
      )}
    </>
  )
}
