import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { Moment } from '#app/components/moment.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { DONATION_STATUSES, type DonationStatus } from '#app/domain/donations/donation-status.ts'
import { fail } from '#app/domain/result.ts'
import { pageLinks, pageParam, textParam } from '#app/lib/search-params.ts'
import { parseMoney } from '#app/lib/money.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import {
  isDonationStatus,
  listFailedEvents,
  listPayments,
  requestCancel,
  requestRefund,
  SANDBOX_STEPS,
  sandboxStep,
  type SandboxStep,
} from '#app/services/donations/payments-admin.server.ts'
import { isSandbox } from '#app/services/payments/stripe.server.ts'
import { retryEvent } from '#app/services/donations/stripe-events.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { readForm, readQuery } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

/**
 * Payments reconciliation, platform admins only: every donation with its Stripe ids and money,
 * filterable by status; the Stripe events that could not be applied, each retryable; refunds and
 * cancelling a monthly gift, which ask Stripe and are then recorded by its webhook.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const query = readQuery(request)
  const asked = textParam(query, 'status')
  const status = isDonationStatus(asked) ? asked : undefined
  const [payments, failed] = await Promise.all([
    listPayments({ page: pageParam(query), status }),
    listFailedEvents(),
  ])
  return { ...payments, status: status ?? '', failed, sandbox: isSandbox() }
}

const back = (request: Request) => `/admin/payments${new URL(request.url).search}`

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const actor = { id: admin.id, ip: requestOrigin(request, context).ip }
  const form = await readForm(request)
  const intent = form.get('intent')
  const target = String(form.get('id') ?? '')
  if (intent === 'retry') {
    const receipt = await retryEvent(target)
    if (receipt === 'unknown_event')
      return refuse(fail({ message: 'admin:payments.notFound' }), form)
    const message =
      receipt === 'not_applied'
        ? 'admin:payments.flash.stillFailing'
        : 'admin:payments.flash.retried'
    return redirectWithFlash(back(request), {
      kind: receipt === 'not_applied' ? 'error' : 'success',
      message,
    })
  }
  if (intent === 'refund') {
    const typed = String(form.get('amount') ?? '').trim()
    const amount = typed === '' ? null : parseMoney(typed)
    if (amount === null && typed !== '') {
      return refuse(fail({ fieldErrors: { amount: 'admin:payments.refundInvalid' } }), form)
    }
    const result = await requestRefund(actor, target, amount)
    if (!result.ok) return refuse(result, form)
    return redirectWithFlash(back(request), {
      kind: 'success',
      message: 'admin:payments.flash.refundRequested',
    })
  }
  if (intent === 'cancel') {
    const result = await requestCancel(actor, target)
    if (!result.ok) return refuse(result, form)
    return redirectWithFlash(back(request), {
      kind: 'success',
      message: 'admin:payments.flash.cancelRequested',
    })
  }
  const step = String(intent ?? '').replace(/^sandbox-/, '') as SandboxStep
  if (String(intent).startsWith('sandbox-') && SANDBOX_STEPS.includes(step)) {
    const result = await sandboxStep(target, step)
    if (!result.ok) return refuse(result, form)
    return redirectWithFlash(back(request), {
      kind: 'success',
      message: 'admin:payments.sandbox.done',
    })
  }
  return refuse(fail({ message: 'admin:payments.chooseIntent' }), form)
}

const STATUS_LABEL_KEYS: Record<DonationStatus, string> = {
  pending: 'admin:payments.statuses.pending',
  processing: 'admin:payments.statuses.processing',
  succeeded: 'admin:payments.statuses.succeeded',
  failed: 'admin:payments.statuses.failed',
  expired: 'admin:payments.statuses.expired',
  refunded: 'admin:payments.statuses.refunded',
  disputed: 'admin:payments.statuses.disputed',
}

/** Why an event was not applied (NotApplied in checkout-events.server.ts). */
const ERROR_LABEL_KEYS: Record<string, string> = {
  unknown_donation: 'admin:payments.errors.unknown_donation',
  session_mismatch: 'admin:payments.errors.session_mismatch',
  amount_mismatch: 'admin:payments.errors.amount_mismatch',
  object_missing: 'admin:payments.errors.object_missing',
}

/** A dispute's outcome, or open while Stripe has not decided it. */
const disputeKey = (status: string) =>
  status === 'won'
    ? 'admin:payments.disputes.won'
    : status === 'lost'
      ? 'admin:payments.disputes.lost'
      : 'admin:payments.disputes.open'

/** A one-button form posting an intent about one donation or event. */
function IntentButton(props: {
  id: string
  intent: 'retry' | 'cancel' | `sandbox-${SandboxStep}`
  variant: 'secondary' | 'danger'
  children: ReactNode
}) {
  return (
    <Form method="post">
      <input type="hidden" name="id" value={props.id} />
      <Button name="intent" value={props.intent} variant={props.variant}>
        {props.children}
      </Button>
    </Form>
  )
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number]

/** Sandbox only: what Stripe would do later, on demand (labelled as the sandbox's). */
function SandboxSteps({ row }: { row: Row }) {
  const { t } = useTranslation('admin')
  const steps: Array<[SandboxStep, boolean]> = [
    ['renew', row.cancellable],
    ['dispute', row.status === 'succeeded' && !row.disputeStatus],
    ['win', row.disputeStatus !== null && !['won', 'lost'].includes(row.disputeStatus)],
    ['lose', row.disputeStatus !== null && !['won', 'lost'].includes(row.disputeStatus)],
  ]
  return steps
    .filter(([, shown]) => shown)
    .map(([step]) => (
      <IntentButton key={step} id={row.id} intent={`sandbox-${step}`} variant="secondary">
        {t(SANDBOX_LABEL_KEYS[step])}
      </IntentButton>
    ))
}

const SANDBOX_LABEL_KEYS: Record<SandboxStep, string> = {
  renew: 'admin:payments.sandbox.renew',
  dispute: 'admin:payments.sandbox.dispute',
  win: 'admin:payments.sandbox.win',
  lose: 'admin:payments.sandbox.lose',
}

function RowActions({ row }: { row: Row }) {
  const { t } = useTranslation('admin')
  const { sandbox } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      {row.refundableMinor > 0 ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="id" value={row.id} />
          <label htmlFor={`refund-${row.id}`} className="visually-hidden">
            {t('admin:payments.refundAmount', { donor: row.donorName })}
          </label>
          <input
            id={`refund-${row.id}`}
            name="amount"
            inputMode="decimal"
            size={8}
            placeholder={(row.refundableMinor / 100).toFixed(2)}
          />
          <Button name="intent" value="refund" variant="secondary">
            {t('admin:payments.refund')}
          </Button>
        </Form>
      ) : null}
      {row.cancellable ? (
        <IntentButton id={row.id} intent="cancel" variant="danger">
          {t('admin:payments.cancelMonthly')}
        </IntentButton>
      ) : null}
      {sandbox ? <SandboxSteps row={row} /> : null}
    </div>
  )
}

function FailedEvents() {
  const { failed } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  if (failed.length === 0) return <p>{t('admin:payments.noFailed')}</p>
  return (
    <DataTable
      caption={t('admin:payments.failedCaption')}
      rows={failed}
      rowKey={(e) => e.id}
      columns={[
        { header: t('admin:payments.event'), cell: (e) => <code>{e.id}</code> },
        { header: t('admin:payments.type'), cell: (e) => e.type },
        { header: t('admin:payments.received'), cell: (e) => <Moment iso={e.receivedAt} /> },
        {
          header: t('admin:payments.error'),
          cell: (e) =>
            e.error && ERROR_LABEL_KEYS[e.error] ? t(ERROR_LABEL_KEYS[e.error]!) : e.error,
        },
        {
          header: t('admin:payments.actions'),
          cell: (e) => (
            <IntentButton id={e.id} intent="retry" variant="secondary">
              {t('admin:payments.retry')}
            </IntentButton>
          ),
        },
      ]}
    />
  )
}

export default function AdminPayments() {
  const { rows, page, hasNext, status } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('admin')
  const money = useFormatters().money
  const error =
    failure && 'errors' in failure ? (failure.errors.form ?? failure.errors.amount) : undefined
  return (
    <>
      <p>{t('admin:payments.intro')}</p>
      <FormError message={error} />
      <h2>{t('admin:payments.failedTitle')}</h2>
      <FailedEvents />
      <h2>{t('admin:payments.donationsTitle')}</h2>
      <Form method="get" className="inline-form">
        <label htmlFor="payments-status">{t('admin:payments.status')}</label>
        <select id="payments-status" name="status" defaultValue={status}>
          <option value="">{t('admin:payments.allStatuses')}</option>
          {DONATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABEL_KEYS[s])}
            </option>
          ))}
        </select>
        <Button variant="secondary">{t('admin:payments.filter')}</Button>
      </Form>
      {rows.length === 0 ? (
        <EmptyState title={t('admin:payments.empty')} />
      ) : (
        <DataTable
          caption={t('admin:payments.caption', { page })}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('admin:payments.created'), cell: (r) => <Moment iso={r.createdAt} /> },
            {
              header: t('admin:payments.donor'),
              rowHeader: true,
              cell: (r) => `${r.donorName} <${r.donorEmail}>`,
            },
            { header: t('admin:payments.fund'), cell: (r) => r.fundName },
            {
              header: t('admin:payments.status'),
              cell: (r) =>
                [
                  t(STATUS_LABEL_KEYS[r.status]),
                  r.interval === 'month' ? t('admin:payments.monthly') : null,
                  r.disputeStatus ? t(disputeKey(r.disputeStatus)) : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
            },
            {
              header: t('admin:payments.gross'),
              cell: (r) => money(r.grossMinor, r.currency),
              numeric: true,
            },
            {
              header: t('admin:payments.fee'),
              cell: (r) => money(r.feeMinor, r.currency),
              numeric: true,
            },
            {
              header: t('admin:payments.net'),
              cell: (r) => money(r.netMinor, r.currency),
              numeric: true,
            },
            {
              header: t('admin:payments.refunded'),
              cell: (r) => money(r.refundedMinor, r.currency),
              numeric: true,
            },
            {
              header: t('admin:payments.stripeIds'),
              cell: (r) =>
                r.stripeIds.map((id) => (
                  <code key={id} className="stripe-id">
                    {id}
                  </code>
                )),
            },
            {
              header: t('admin:payments.receipt'),
              cell: (r) =>
                r.receiptPath ? (
                  <Link to={r.receiptPath}>
                    {t('admin:payments.viewReceipt')}
                    <span className="visually-hidden">
                      {' '}
                      {t('admin:payments.receiptOf', { donor: r.donorName })}
                    </span>
                  </Link>
                ) : null,
            },
            { header: t('admin:payments.actions'), cell: (r) => <RowActions row={r} /> },
          ]}
        />
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label={t('admin:payments.pages')} />
    </>
  )
}
