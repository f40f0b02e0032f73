import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Card } from '#app/components/card.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { findGivingFund, giftBySession } from '#app/services/donations/giving.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

/** Seconds between looks while the gift is still being processed. */
const RECHECK_SECONDS = 2

// While the webhook has not settled the gift, the page reloads itself (no script needed).
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...titleMeta(data, matches),
  ...(data?.state === 'processing'
    ? [{ httpEquiv: 'refresh', content: String(RECHECK_SECONDS) }]
    : []),
]

/**
 * Where Stripe sends a donor back after paying. Whoever holds the checkout session's id (in the
 * address Stripe returns to) may see how that gift stands; this page only reads it. The Stripe
 * webhook is what settles a gift.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const fund = await findGivingFund(params.fundSlug ?? '', await requestLanguage(request))
  const sessionId = readQuery(request).get('session_id')
  const gift = fund && sessionId ? await giftBySession(fund.id, sessionId) : null
  if (!fund || !gift) throwNotFound('donations:thanks.notFound')
  const t = await requestT(request)
  const state =
    gift.status === 'succeeded'
      ? 'received'
      : gift.status === 'pending' || gift.status === 'processing'
        ? 'processing'
        : 'unsuccessful'
  return {
    title: t(`donations:thanks.${state}Title`),
    state,
    fund: { name: fund.name, slug: fund.slug },
    gift: { ...gift, chargeMinor: gift.amountMinor + gift.feeCoveredMinor },
  }
}

export default function Thanks() {
  const { state, fund, gift } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  const format = useFormatters()
  const values = {
    amount: format.money(gift.chargeMinor, gift.currency),
    fund: fund.name,
  }
  return (
    <Card title={t(`donations:thanks.${state}Title`)}>
      <p role="status">
        {t(`donations:thanks.${state}`, values)}
        {state === 'received' && gift.interval === 'month'
          ? ` ${t('donations:thanks.monthly')}`
          : ''}
      </p>
      <p>
        <Link to={`/funds/${fund.slug}`}>{t('donations:thanks.back', { fund: fund.name })}</Link>
      </p>
    </Card>
  )
}
