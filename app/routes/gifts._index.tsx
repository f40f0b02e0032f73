import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { GiftSplit } from '#app/components/gift-split.tsx'
import { Moment } from '#app/components/moment.tsx'
import type { DonationStatus } from '#app/domain/donations/donation-status.ts'
import { fail } from '#app/domain/result.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { endDonorSession } from '#app/services/donations/donor-access.server.ts'
import {
  listDonorGifts,
  stopMonthlyGift,
  type DonorGift,
} from '#app/services/donations/donor-gifts.server.ts'
import { clearDonorCookie, donorToken, giftsViewer } from '#app/utils/donor-viewer.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { readForm, readQuery } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { getSessionUser } from '#app/utils/session.server.ts'

export const handle: I18nHandle = { i18n: ['gifts'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/**
 * "Your gifts": the gifts of the viewer's verified account address and of any donor link opened
 * in this browser (app/utils/donor-viewer.server.ts). A guest with neither is sent to ask for a
 * link; a signed-in account with an unconfirmed address is told to confirm it or use a link.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await giftsViewer(request, requestOrigin(request, context).ip)
  const t = await requestT(request)
  const title = t('gifts:title')
  if (viewer.emails.length === 0) {
    if (!viewer.signedIn) throw redirect('/gifts/lookup')
    const user = await getSessionUser(request)
    return {
      title,
      unverifiedEmail: user?.email ?? '',
      emails: [],
      viaLink: false,
      gifts: [],
      next: null,
    }
  }
  const after = readQuery(request).get('after')
  const page = await listDonorGifts(viewer, { after, reader: await requestLanguage(request) })
  return {
    title,
    unverifiedEmail: null,
    emails: viewer.emails,
    viaLink: viewer.viaLink,
    ...page,
  }
}

/** Stop a monthly gift (its donor only: anyone else's is not found), or forget a donor link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ip = requestOrigin(request, context).ip
  const form = await readForm(request)
  const intent = form.get('intent')
  if (intent === 'forget') {
    const token = await donorToken(request)
    if (token) await endDonorSession(token)
    const headers = new Headers({ 'Set-Cookie': await clearDonorCookie() })
    return redirectWithFlash('/', { kind: 'info', message: 'gifts:access.forgotten' }, { headers })
  }
  if (intent !== 'stop') return refuse(fail({ message: 'common:errors.notDone' }), form)
  const viewer = await giftsViewer(request, ip)
  const result = await stopMonthlyGift(viewer, String(form.get('id') ?? ''))
  if (!result.ok) return refuse(result, form)
  return redirectWithFlash('/gifts', { kind: 'success', message: 'gifts:stop.done' })
}

const STATUS_KEYS: Record<DonationStatus, string> = {
  pending: 'gifts:statuses.pending',
  processing: 'gifts:statuses.processing',
  succeeded: 'gifts:statuses.succeeded',
  failed: 'gifts:statuses.failed',
  expired: 'gifts:statuses.expired',
  refunded: 'gifts:statuses.refunded',
  disputed: 'gifts:statuses.disputed',
}

function Designation({ gift }: { gift: DonorGift }) {
  const { t } = useTranslation('gifts')
  if (!gift.designation) return <>{t('gifts:designationFund')}</>
  return gift.designation.kind === 'grant' ? (
    <>{t('gifts:designationGrant', { name: gift.designation.name })}</>
  ) : (
    <>{t('gifts:designationProgram', { name: gift.designation.name })}</>
  )
}

/** Refunds and disputes, in words. */
function MoneyBack({ gift }: { gift: DonorGift }) {
  const { t } = useTranslation('gifts')
  const money = useFormatters().money
  const lines: string[] = []
  const charged = gift.amountMinor + gift.feeCoveredMinor
  if (gift.refundedMinor > 0) {
    lines.push(
      gift.refundedMinor >= charged
        ? t('gifts:refundedWhole')
        : t('gifts:refundedPart', { amount: money(gift.refundedMinor, gift.currency) }),
    )
  }
  if (gift.disputeStatus) {
    lines.push(
      gift.disputeStatus === 'won'
        ? t('gifts:disputeWon')
        : gift.disputeStatus === 'lost'
          ? t('gifts:disputeLost')
          : t('gifts:disputeOpen'),
    )
  }
  return lines.map((line) => <p key={line}>{line}</p>)
}

/** "This gift funded: Grant A $30, Grant B $20, $0 still in the fund", its bar, and refunds' effects. */
function Whereabouts({ gift }: { gift: DonorGift }) {
  const { t } = useTranslation('gifts')
  const money = useFormatters().money
  const trace = gift.trace
  if (!trace) return <p>{t('gifts:funded.notSettled')}</p>
  const inFund = Math.max(0, trace.unallocatedMinor)
  const items = trace.funded.map((f) =>
    t('gifts:funded.item', {
      name: `${f.organizationName} (${f.programTitle})`,
      amount: money(f.amountMinor, gift.currency),
    }),
  )
  const fundText = t('gifts:funded.inFund', { amount: money(inFund, gift.currency) })
  const { replacedMinor, shortMinor } = gift.refundEffect
  const allocated = trace.funded.reduce((sum, f) => sum + f.amountMinor, 0)
  // Grants given more than the gift still brings after a refund (no replacement recorded).
  const overdrawn = allocated - Math.max(0, trace.netMinor)
  const whollyRefunded = gift.refundedMinor >= gift.amountMinor + gift.feeCoveredMinor
  return (
    <>
      {items.length > 0 ? (
        <p>{t('gifts:funded.line', { list: [...items, fundText].join(', ') })}</p>
      ) : whollyRefunded ? null : (
        <p>{t('gifts:funded.nothingYet', { amount: money(inFund, gift.currency) })}</p>
      )}
      <GiftSplit
        parts={[
          ...trace.funded.map((f) => ({ key: f.grantId, amountMinor: f.amountMinor })),
          { key: 'fund', amountMinor: inFund, inFund: true },
        ]}
      />
      <p>{t('gifts:funded.net', { amount: money(Math.max(0, trace.netMinor), gift.currency) })}</p>
      {replacedMinor > 0 ? (
        <p>{t('gifts:funded.replaced', { amount: money(replacedMinor, gift.currency) })}</p>
      ) : null}
      {shortMinor > 0 ? (
        <p>{t('gifts:funded.short', { amount: money(shortMinor, gift.currency) })}</p>
      ) : null}
      {overdrawn > 0 ? (
        <p>{t('gifts:funded.overdrawn', { amount: money(overdrawn, gift.currency) })}</p>
      ) : null}
    </>
  )
}

const MONTHLY_STATE_KEYS = {
  active: 'gifts:months.active',
  starting: 'gifts:months.starting',
  stopping: 'gifts:months.stopping',
  stopped: 'gifts:months.stopped',
} as const

function Monthly({ gift }: { gift: DonorGift }) {
  const { t } = useTranslation('gifts')
  const format = useFormatters()
  if (!gift.monthly) return null
  const months = gift.months
  return (
    <>
      <p>
        {months && months.paidCount > 0
          ? t('gifts:months.summary', {
              count: months.paidCount,
              total: format.money(months.paidMinor, gift.currency),
            })
          : t('gifts:months.none')}
      </p>
      <p>
        {gift.monthly.state === 'stopped' && gift.stoppedAt
          ? t('gifts:months.stopped', { date: format.date(gift.stoppedAt) })
          : t(MONTHLY_STATE_KEYS[gift.monthly.state])}
      </p>
      {gift.nextPaymentAt ? (
        <p>{t('gifts:months.next', { date: format.date(gift.nextPaymentAt) })}</p>
      ) : null}
      {gift.monthly.state === 'active' ? (
        <Form method="post" className="stack">
          <input type="hidden" name="id" value={gift.id} />
          <p className="hint" id={`stop-hint-${gift.id}`}>
            {t('gifts:stop.hint')}
          </p>
          <Button
            name="intent"
            value="stop"
            variant="danger"
            aria-describedby={`stop-hint-${gift.id}`}
          >
            {t('gifts:stop.button')}
          </Button>
        </Form>
      ) : null}
    </>
  )
}

function GiftCard({ gift }: { gift: DonorGift }) {
  const { t } = useTranslation('gifts')
  const money = useFormatters().money
  const amount = money(gift.amountMinor, gift.currency)
  const title = gift.monthly
    ? t('gifts:monthlyTitle', { amount, fund: gift.fundName })
    : t('gifts:giftTitle', { amount, fund: gift.fundName })
  return (
    <article className="card gift">
      <h2>{title}</h2>
      <dl className="facts">
        <dt>{t('gifts:given')}</dt>
        <dd>
          <Moment iso={gift.createdAt} />
        </dd>
        <dt>{t('gifts:designation')}</dt>
        <dd>
          <Designation gift={gift} />
        </dd>
        <dt>{t('gifts:amount')}</dt>
        <dd>{amount}</dd>
        <dt>{t('gifts:feeCovered')}</dt>
        <dd>
          {gift.feeCoveredMinor > 0
            ? money(gift.feeCoveredMinor, gift.currency)
            : t('gifts:feeNotCovered')}
        </dd>
        <dt>{t('gifts:processorFee')}</dt>
        <dd>
          {gift.processorFeeMinor === null
            ? t('gifts:processorFeeUnknown')
            : money(gift.processorFeeMinor, gift.currency)}
        </dd>
        <dt>{t('gifts:kind')}</dt>
        <dd>{gift.monthly ? t('gifts:monthly') : t('gifts:oneTime')}</dd>
        <dt>{t('gifts:status')}</dt>
        <dd>{t(STATUS_KEYS[gift.status])}</dd>
      </dl>
      <MoneyBack gift={gift} />
      <Monthly gift={gift} />
      <h3>{t('gifts:funded.heading')}</h3>
      <Whereabouts gift={gift} />
      {gift.receiptToken ? (
        <p>
          <Link
            to={`/receipts/${gift.receiptToken}`}
            aria-label={t('gifts:receiptFor', { amount, fund: gift.fundName })}
          >
            {t('gifts:receipt')}
          </Link>
        </p>
      ) : null}
    </article>
  )
}

function Unverified({ email }: { email: string }) {
  const { t } = useTranslation('gifts')
  return (
    <>
      <h1>{t('gifts:title')}</h1>
      <h2>{t('gifts:access.unverifiedTitle')}</h2>
      <p>{t('gifts:access.unverified', { email })}</p>
      <p>
        <Link to="/gifts/lookup">{t('gifts:access.lookup')}</Link>
      </p>
    </>
  )
}

export default function Gifts() {
  const { unverifiedEmail, emails, viaLink, gifts, next } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('gifts')
  if (unverifiedEmail !== null) return <Unverified email={unverifiedEmail} />
  const error = failure && 'errors' in failure ? failure.errors.form : undefined
  return (
    <>
      <h1>{t('gifts:title')}</h1>
      <p className="lede">{t('gifts:lede', { emails: emails.join(', ') })}</p>
      {viaLink ? (
        <Form method="post" className="inline-form">
          <p>{t('gifts:access.viaLink')}</p>
          <Button name="intent" value="forget" variant="secondary">
            {t('gifts:access.forget')}
          </Button>
        </Form>
      ) : null}
      <FormError message={error} />
      {gifts.length === 0 ? (
        <EmptyState title={t('gifts:empty')}>
          <p>
            {t('gifts:emptyText')} <Link to="/funds">{t('gifts:give')}</Link>
          </p>
        </EmptyState>
      ) : (
        <div className="stack">
          {gifts.map((gift) => (
            <GiftCard key={gift.id} gift={gift} />
          ))}
        </div>
      )}
      {next || search.get('after') ? (
        <nav className="pagination" aria-label={t('gifts:pages')}>
          {search.get('after') ? <Link to="/gifts">{t('gifts:firstPage')}</Link> : null}
          {next ? (
            <Link to={`?${new URLSearchParams({ after: next }).toString()}`} rel="next">
              {t('gifts:nextPage')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
