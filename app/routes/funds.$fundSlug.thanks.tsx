import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation, useRevalidator } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { findGivingFund, giftBySession } from '#app/services/donations/giving.server.ts'
import { receiptPath } from '#app/services/donations/receipts.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

type GiftState = 'processing' | 'received' | 'unsuccessful'

/** What the page says for each state of the gift: its heading and its sentence. */
const WORDS: Record<GiftState, { title: string; text: string }> = {
  processing: { title: 'donations:thanks.processingTitle', text: 'donations:thanks.processing' },
  received: { title: 'donations:thanks.receivedTitle', text: 'donations:thanks.received' },
  unsuccessful: {
    title: 'donations:thanks.unsuccessfulTitle',
    text: 'donations:thanks.unsuccessful',
  },
}

/** How often the page looks again while the gift is still being processed. */
const RECHECK_MS = 2000

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/**
 * While the webhook has not settled the gift, reads the page's data again every few seconds. (A
 * meta refresh would need no script, but reloading a page under a reader's cursor is an
 * accessibility failure; without script the page offers a link to look again.)
 */
function useRecheckWhile(processing: boolean) {
  const { revalidate, state } = useRevalidator()
  useEffect(() => {
    if (!processing || state !== 'idle') return
    const timer = setTimeout(revalidate, RECHECK_MS)
    return () => clearTimeout(timer)
  }, [processing, state, revalidate])
}

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
  const state: GiftState =
    gift.status === 'succeeded'
      ? 'received'
      : gift.status === 'pending' || gift.status === 'processing'
        ? 'processing'
        : 'unsuccessful'
  const { receiptToken, ...shown } = gift
  return {
    title: t(WORDS[state].title),
    state,
    fund: { name: fund.name, slug: fund.slug },
    gift: { ...shown, chargeMinor: gift.amountMinor + gift.feeCoveredMinor },
    // The receipt's link only once there is a receipt (a received gift).
    receiptPath: state === 'received' ? receiptPath(receiptToken) : null,
  }
}

export default function Thanks() {
  const { state, fund, gift, receiptPath } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  const format = useFormatters()
  const location = useLocation()
  useRecheckWhile(state === 'processing')
  const values = {
    amount: format.money(gift.chargeMinor, gift.currency),
    fund: fund.name,
  }
  return (
    <>
      <h1>{t(WORDS[state].title)}</h1>
      <p role="status">
        {t(WORDS[state].text, values)}
        {state === 'received' && gift.interval === 'month'
          ? ` ${t('donations:thanks.monthly')}`
          : ''}
      </p>
      {receiptPath ? (
        <p>
          <Link to={receiptPath}>{t('donations:thanks.viewReceipt')}</Link>
        </p>
      ) : null}
      {state === 'processing' ? (
        <p>
          <Link to={location.pathname + location.search} reloadDocument>
            {t('donations:thanks.checkAgain')}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to={`/funds/${fund.slug}`}>{t('donations:thanks.back', { fund: fund.name })}</Link>
      </p>
    </>
  )
}
