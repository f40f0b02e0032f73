import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { isAuditAction, type AuditAction } from '#app/domain/audit-actions.ts'
import { Moment } from './moment.tsx'
import { DataTable } from './table.tsx'

/**
 * Each action in the admin's words. The stored rows keep the language-neutral action name, which
 * the table shows beside these (support and the filters use it).
 */
export const AUDIT_ACTION_KEYS: Record<AuditAction, string> = {
  'database.seeded': 'admin:audit.actions.database.seeded',
  'user.signed_up': 'admin:audit.actions.user.signed_up',
  'user.logged_in': 'admin:audit.actions.user.logged_in',
  'user.logged_out': 'admin:audit.actions.user.logged_out',
  'user.login_failed': 'admin:audit.actions.user.login_failed',
  'user.locked_out': 'admin:audit.actions.user.locked_out',
  'user.password_changed': 'admin:audit.actions.user.password_changed',
  'user.email_verified': 'admin:audit.actions.user.email_verified',
  'user.password_reset': 'admin:audit.actions.user.password_reset',
  'user.email_change_requested': 'admin:audit.actions.user.email_change_requested',
  'user.email_changed': 'admin:audit.actions.user.email_changed',
  'user.sessions_ended': 'admin:audit.actions.user.sessions_ended',
  'user.suspended': 'admin:audit.actions.user.suspended',
  'user.restored': 'admin:audit.actions.user.restored',
  'organization.created': 'admin:audit.actions.organization.created',
  'organization.updated': 'admin:audit.actions.organization.updated',
  'membership.added': 'admin:audit.actions.membership.added',
  'membership.invited': 'admin:audit.actions.membership.invited',
  'membership.accepted': 'admin:audit.actions.membership.accepted',
  'membership.declined': 'admin:audit.actions.membership.declined',
  'membership.role_changed': 'admin:audit.actions.membership.role_changed',
  'membership.removed': 'admin:audit.actions.membership.removed',
  'membership.left': 'admin:audit.actions.membership.left',
  'invitation.created': 'admin:audit.actions.invitation.created',
  'invitation.revoked': 'admin:audit.actions.invitation.revoked',
  'invitation.accepted': 'admin:audit.actions.invitation.accepted',
  'fund.created': 'admin:audit.actions.fund.created',
  'fund.updated': 'admin:audit.actions.fund.updated',
  'program.created': 'admin:audit.actions.program.created',
  'program.updated': 'admin:audit.actions.program.updated',
  'program.opened': 'admin:audit.actions.program.opened',
  'program.closed': 'admin:audit.actions.program.closed',
  'program.review_started': 'admin:audit.actions.program.review_started',
  'program.decided': 'admin:audit.actions.program.decided',
  'rubric.reweighted': 'admin:audit.actions.rubric.reweighted',
  'rubric.reset': 'admin:audit.actions.rubric.reset',
  'rubric_criterion.added': 'admin:audit.actions.rubric_criterion.added',
  'rubric_criterion.updated': 'admin:audit.actions.rubric_criterion.updated',
  'rubric_criterion.moved': 'admin:audit.actions.rubric_criterion.moved',
  'rubric_criterion.removed': 'admin:audit.actions.rubric_criterion.removed',
  'program_question.added': 'admin:audit.actions.program_question.added',
  'program_question.updated': 'admin:audit.actions.program_question.updated',
  'program_question.moved': 'admin:audit.actions.program_question.moved',
  'program_question.removed': 'admin:audit.actions.program_question.removed',
  'application.created': 'admin:audit.actions.application.created',
  'application.submitted': 'admin:audit.actions.application.submitted',
  'application.moved_into_review': 'admin:audit.actions.application.moved_into_review',
  'application.awarded': 'admin:audit.actions.application.awarded',
  'application.declined': 'admin:audit.actions.application.declined',
  'application.withdrawn': 'admin:audit.actions.application.withdrawn',
  'application.changes_requested': 'admin:audit.actions.application.changes_requested',
  'application.resubmitted': 'admin:audit.actions.application.resubmitted',
  'internal_note.added': 'admin:audit.actions.internal_note.added',
  'application.exported': 'admin:audit.actions.application.exported',
  'attachment.added': 'admin:audit.actions.attachment.added',
  'attachment.removed': 'admin:audit.actions.attachment.removed',
  'attachment.refused': 'admin:audit.actions.attachment.refused',
  'panel_member.added': 'admin:audit.actions.panel_member.added',
  'panel_member.removed': 'admin:audit.actions.panel_member.removed',
  'panel_invitation.created': 'admin:audit.actions.panel_invitation.created',
  'panel_invitation.accepted': 'admin:audit.actions.panel_invitation.accepted',
  'panel_invitation.revoked': 'admin:audit.actions.panel_invitation.revoked',
  'reviewer_tie.added': 'admin:audit.actions.reviewer_tie.added',
  'reviewer_tie.removed': 'admin:audit.actions.reviewer_tie.removed',
  'program.reviewers_assigned': 'admin:audit.actions.program.reviewers_assigned',
  'program.reviewers_reminded': 'admin:audit.actions.program.reviewers_reminded',
  'program.guardrails_changed': 'admin:audit.actions.program.guardrails_changed',
  'application.amount_proposed': 'admin:audit.actions.application.amount_proposed',
  'application.proposed_amount_cleared': 'admin:audit.actions.application.proposed_amount_cleared',
  'review.assigned': 'admin:audit.actions.review.assigned',
  'review.unassigned': 'admin:audit.actions.review.unassigned',
  'review.conflict_declared': 'admin:audit.actions.review.conflict_declared',
  'review.no_conflict_declared': 'admin:audit.actions.review.no_conflict_declared',
  'review.submitted': 'admin:audit.actions.review.submitted',
  'review.reopened': 'admin:audit.actions.review.reopened',
  'consensus_score.recorded': 'admin:audit.actions.consensus_score.recorded',
  'grant.created': 'admin:audit.actions.grant.created',
  'grant.schedule_changed': 'admin:audit.actions.grant.schedule_changed',
  'grant.cancelled': 'admin:audit.actions.grant.cancelled',
  'grant.completed': 'admin:audit.actions.grant.completed',
  'grant.funded': 'admin:audit.actions.grant.funded',
  'grant_milestone.added': 'admin:audit.actions.grant_milestone.added',
  'grant_milestone.updated': 'admin:audit.actions.grant_milestone.updated',
  'grant_milestone.removed': 'admin:audit.actions.grant_milestone.removed',
  'grant_disbursement.paid': 'admin:audit.actions.grant_disbursement.paid',
  'grant_disbursement.held': 'admin:audit.actions.grant_disbursement.held',
  'grant_disbursement.released': 'admin:audit.actions.grant_disbursement.released',
  'grant_report.submitted': 'admin:audit.actions.grant_report.submitted',
  'grant_report.accepted': 'admin:audit.actions.grant_report.accepted',
  'grant_report.changes_requested': 'admin:audit.actions.grant_report.changes_requested',
  'donation.checkout_completed': 'admin:audit.actions.donation.checkout_completed',
  'donation.settled': 'admin:audit.actions.donation.settled',
  'donation.failed': 'admin:audit.actions.donation.failed',
  'donation.expired': 'admin:audit.actions.donation.expired',
  'donation.refunded': 'admin:audit.actions.donation.refunded',
  'donation.disputed': 'admin:audit.actions.donation.disputed',
  'donation.dispute_closed': 'admin:audit.actions.donation.dispute_closed',
  'donation.subscription_ended': 'admin:audit.actions.donation.subscription_ended',
  'donation.refund_requested': 'admin:audit.actions.donation.refund_requested',
  'donation.cancel_requested': 'admin:audit.actions.donation.cancel_requested',
  'grant_report.file_added': 'admin:audit.actions.grant_report.file_added',
  'volunteer_profile.created': 'admin:audit.actions.volunteer_profile.created',
  'volunteer_profile.updated': 'admin:audit.actions.volunteer_profile.updated',
  'volunteer_request.created': 'admin:audit.actions.volunteer_request.created',
  'volunteer_request.updated': 'admin:audit.actions.volunteer_request.updated',
  'volunteer_request.opened': 'admin:audit.actions.volunteer_request.opened',
  'volunteer_request.closed': 'admin:audit.actions.volunteer_request.closed',
  'volunteer_request.expired': 'admin:audit.actions.volunteer_request.expired',
  'match_weighting.updated': 'admin:audit.actions.match_weighting.updated',
  'volunteer_suggestion_run.started': 'admin:audit.actions.volunteer_suggestion_run.started',
  'volunteer_data_agreement.accepted': 'admin:audit.actions.volunteer_data_agreement.accepted',
  'engagement.proposed': 'admin:audit.actions.engagement.proposed',
  'engagement.accepted': 'admin:audit.actions.engagement.accepted',
  'engagement.declined': 'admin:audit.actions.engagement.declined',
  'engagement.expired': 'admin:audit.actions.engagement.expired',
  'engagement.started': 'admin:audit.actions.engagement.started',
  'engagement.completed': 'admin:audit.actions.engagement.completed',
  'engagement.cancelled': 'admin:audit.actions.engagement.cancelled',
  'engagement.hours_logged': 'admin:audit.actions.engagement.hours_logged',
  'engagement.hours_verified': 'admin:audit.actions.engagement.hours_verified',
  'engagement.hours_questioned': 'admin:audit.actions.engagement.hours_questioned',
  'engagement.check_ins_planned': 'admin:audit.actions.engagement.check_ins_planned',
  'in_kind_rate.created': 'admin:audit.actions.in_kind_rate.created',
}

/** The action in the reader's words; an action no longer in the list by its stored name. */
export function useAuditActionLabel() {
  const { t } = useTranslation('admin')
  return (action: string) => (isAuditAction(action) ? t(AUDIT_ACTION_KEYS[action]) : action)
}

/** One audit row as the loaders send it: dates as ISO text, details as readable lines. */
export interface AuditRowView {
  id: number
  at: string
  action: string
  entityType: string
  entityId: string
  ip: string | null
  actorUserId: string | null
  actorName: string | null
  actorEmail: string | null
  entity: { label: string; detail?: string; href?: string } | null
  details: { key: string; value: string }[]
}

/** Details as "key: value" lines an admin can read, nested values kept on their line. */
export function detailLines(details: Record<string, unknown>) {
  return Object.entries(details).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }))
}

/** A service's audit row made ready to send to the browser. */
export function auditRowView<T extends { at: Date; details: Record<string, unknown> }>(row: T) {
  return { ...row, at: row.at.toISOString(), details: detailLines(row.details) }
}

/** Who did it: their name, linking to their admin page, and their email below. */
function ActorCell({ row }: { row: AuditRowView }) {
  const { t } = useTranslation('admin')
  if (!row.actorEmail || !row.actorUserId) return <>{t('admin:audit.system')}</>
  return (
    <>
      <Link to={`/admin/users/${row.actorUserId}`}>{row.actorName}</Link>
      <br />
      <span className="hint">{row.actorEmail}</span>
    </>
  )
}

/**
 * What it was about, by name where the entity still exists; the raw type and id stay on the
 * page (small, and in the title) because support asks for them.
 */
function EntityCell({ row }: { row: AuditRowView }) {
  const raw = `${row.entityType} ${row.entityId}`
  const { entity } = row
  return (
    <span title={raw}>
      {entity ? (
        <>
          {entity.href ? <Link to={entity.href}>{entity.label}</Link> : entity.label}
          {entity.detail ? (
            <>
              <br />
              <span className="hint">{entity.detail}</span>
            </>
          ) : null}
          <br />
        </>
      ) : null}
      <small className="hint">{raw}</small>
    </span>
  )
}

export function AuditTable({ caption, rows }: { caption: string; rows: AuditRowView[] }) {
  const { t } = useTranslation('admin')
  const actionLabel = useAuditActionLabel()
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => String(r.id)}
      columns={[
        { header: t('admin:audit.when'), cell: (r) => <Moment iso={r.at} /> },
        { header: t('admin:audit.actor'), cell: (r) => <ActorCell row={r} /> },
        {
          header: t('admin:audit.action'),
          cell: (r) => (
            <>
              {actionLabel(r.action)}
              <br />
              <code className="hint">{r.action}</code>
            </>
          ),
        },
        { header: t('admin:audit.entity'), cell: (r) => <EntityCell row={r} /> },
        { header: t('admin:audit.address'), cell: (r) => r.ip ?? '' },
        {
          header: t('admin:audit.details'),
          cell: (r) => (
            <dl className="details">
              {r.details.map((d) => (
                <div key={d.key}>
                  <dt>{d.key}:</dt> <dd>{d.value}</dd>
                </div>
              ))}
            </dl>
          ),
        },
      ]}
    />
  )
}
