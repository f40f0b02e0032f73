import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import {
  DISBURSEMENT_STATUS_KEYS,
  GRANT_STATUS_KEYS,
  MILESTONE_STATE_KEYS,
  REPORT_FIGURE_KEYS,
  REPORT_FIGURES,
  REPORT_STATUS_KEYS,
  type DisbursementStatus,
  type GrantStatus,
  type MilestoneState,
  type ReportFigures,
  type ReportStatus,
} from '#app/domain/grants/grant-states.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useFileSize } from './attachment-list.tsx'
import { TableFrame } from './table.tsx'

/** A grant's terms in a few facts, the same on the funder's and the grantee's page. */
export function GrantFacts(props: {
  organizationName: string
  funderName: string
  programTitle: string
  amountMinor: number
  paidMinor: number
  /** Verified volunteer hours on the grant's application's requests, valued in kind. */
  inKind: { valueMinor: number; currency: string; verifiedMinutes: number }
  currency: string
  startsOn: string
  endsOn: string
  status: GrantStatus
  cancelReason: string | null
}) {
  const { t } = useTranslation('grants')
  const format = useFormatters()
  return (
    <dl className="facts">
      <dt>{t('grants:facts.grantee')}</dt>
      <dd>{props.organizationName}</dd>
      <dt>{t('grants:facts.funder')}</dt>
      <dd>{props.funderName}</dd>
      <dt>{t('grants:facts.program')}</dt>
      <dd>{props.programTitle}</dd>
      <dt>{t('grants:facts.amount')}</dt>
      <dd>{format.money(props.amountMinor, props.currency)}</dd>
      <dt>{t('grants:facts.paid')}</dt>
      <dd>{format.money(props.paidMinor, props.currency)}</dd>
      {props.inKind.verifiedMinutes > 0 ? (
        <>
          <dt>{t('grants:facts.inKind')}</dt>
          <dd data-testid="grant-in-kind">
            {t('grants:facts.inKindValue', {
              value: format.money(props.inKind.valueMinor, props.inKind.currency),
              hours: format.number(props.inKind.verifiedMinutes / 60),
            })}
          </dd>
        </>
      ) : null}
      <dt>{t('grants:facts.term')}</dt>
      <dd>
        {t('grants:facts.termDates', {
          start: format.date(props.startsOn),
          end: format.date(props.endsOn),
        })}
      </dd>
      <dt>{t('grants:facts.status')}</dt>
      <dd>
        {t(GRANT_STATUS_KEYS[props.status])}
        {props.cancelReason ? ` — ${props.cancelReason}` : null}
      </dd>
    </dl>
  )
}

export interface PaymentRow {
  id: string
  dueOn: string
  amountMinor: number
  status: DisbursementStatus
  holdReason: string | null
  paidAt: string | null
}

/** The payment schedule; `actions` adds the officer's buttons to each row. */
export function PaymentTable({
  payments,
  currency,
  actions,
}: {
  payments: PaymentRow[]
  currency: string
  actions?: (payment: PaymentRow) => ReactNode
}) {
  const { t } = useTranslation('grants')
  const format = useFormatters()
  return (
    <TableFrame label={t('grants:payments.caption')}>
      <table>
        <caption>{t('grants:payments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grants:payments.dueOn')}</th>
            <th scope="col" className="num">
              {t('grants:payments.amount')}
            </th>
            <th scope="col">{t('grants:payments.status')}</th>
            {actions ? <th scope="col">{t('grants:payments.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr key={p.id}>
              <td>{format.date(p.dueOn)}</td>
              <td className="num">{format.money(p.amountMinor, currency)}</td>
              <td>
                {t(DISBURSEMENT_STATUS_KEYS[p.status])}
                {p.paidAt ? ` (${format.date(p.paidAt)})` : null}
                {p.holdReason ? ` — ${p.holdReason}` : null}
              </td>
              {actions ? <td>{actions(p)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  )
}

export interface ReportView {
  id: string
  body: string
  figures: ReportFigures
  status: ReportStatus
  submittedAt: string
  submittedBy: string | null
  reviewedAt: string | null
  reviewMessage: string | null
  files: { id: string; fileName: string; sizeBytes: number }[]
}

export interface MilestoneView {
  id: string
  dueOn: string
  title: string
  ask: string
  state: MilestoneState
  reports: ReportView[]
}

/** A milestone's heading line: its title, due day and where it stands. */
export function MilestoneHeading({ milestone }: { milestone: MilestoneView }) {
  const { t } = useTranslation('grants')
  const format = useFormatters()
  return (
    <h3>
      {milestone.title}{' '}
      <span className={milestone.state === 'overdue' ? 'badge badge-warning' : 'badge'}>
        {t(MILESTONE_STATE_KEYS[milestone.state])}
      </span>{' '}
      <span className="hint">
        {t('grants:milestone.due', { day: format.date(milestone.dueOn) })}
      </span>
    </h3>
  )
}

/**
 * The reports given on a milestone, newest first, with their files and the funder's answers;
 * `attach` adds the grantee's upload form to a report still awaiting review.
 */
export function ReportHistory({
  grantId,
  reports,
  attach,
}: {
  grantId: string
  reports: ReportView[]
  attach?: (report: ReportView) => ReactNode
}) {
  const { t } = useTranslation('grants')
  const format = useFormatters()
  if (reports.length === 0) return <p>{t('grants:report.none')}</p>
  return (
    <ol className="stack" reversed>
      {reports.map((r) => (
        <li key={r.id}>
          <article aria-label={t('grants:report.submittedOn', { day: format.date(r.submittedAt) })}>
            <p>
              <strong>{t(REPORT_STATUS_KEYS[r.status])}</strong>{' '}
              <span className="hint">
                {t('grants:report.submittedBy', {
                  day: format.date(r.submittedAt),
                  name: r.submittedBy ?? '—',
                })}
              </span>
            </p>
            <p className="prewrap">{r.body}</p>
            {REPORT_FIGURES.some((f) => r.figures[f] !== undefined) ? (
              <dl className="facts">
                {REPORT_FIGURES.filter((f) => r.figures[f] !== undefined).map((f) => (
                  <div key={f} style={{ display: 'contents' }}>
                    <dt>{t(REPORT_FIGURE_KEYS[f])}</dt>
                    <dd>{format.number(r.figures[f]!)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <ReportFiles grantId={grantId} files={r.files} />
            {attach?.(r)}
            {r.reviewMessage ? (
              <p className="callout">
                <strong>{t('grants:report.funderAsked')}</strong> {r.reviewMessage}
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  )
}

/** A report's files, each a download (the route checks who may have it). */
function ReportFiles({ grantId, files }: { grantId: string; files: ReportView['files'] }) {
  const { t } = useTranslation('grants')
  const size = useFileSize()
  if (files.length === 0) return null
  return (
    <>
      <h4>{t('grants:files.title')}</h4>
      <ul className="plain-list">
        {files.map((f) => (
          <li key={f.id}>
            <a href={`/grants/${grantId}/files/${f.id}`}>{f.fileName}</a>{' '}
            <span className="hint">({size(f.sizeBytes)})</span>
          </li>
        ))}
      </ul>
    </>
  )
}
