import type { MailTemplate } from '../template.ts'
import { confirmEmailChange } from './confirm-email-change.tsx'
import { emailChangedNotice } from './email-changed-notice.tsx'
import { resetPassword } from './reset-password.tsx'
import { verifyEmail } from './verify-email.tsx'
import { invitationMail } from './notify-invitation.tsx'
import { applicationSubmittedMail } from './notify-application-submitted.tsx'
import { applicationReceivedMail } from './notify-application-received.tsx'
import { applicationInReviewMail } from './notify-application-in-review.tsx'
import { deadlineReminderMail } from './notify-deadline-reminder.tsx'
import { programsDigestMail } from './notify-programs-digest.tsx'
import { passwordChangedMail } from './notify-password-changed.tsx'
import { newSignInMail } from './notify-new-sign-in.tsx'
import { panelInvitationMail } from './notify-panel-invitation.tsx'
import { reviewConflictMail } from './notify-review-conflict.tsx'
import { reviewReminderMail } from './notify-review-reminder.tsx'
import { applicationDecidedMail } from './notify-application-decided.tsx'
import { changesRequestedMail } from './notify-changes-requested.tsx'
import { applicationResubmittedMail } from './notify-application-resubmitted.tsx'
import { grantReportDueMail } from './notify-grant-report-due.tsx'
import { grantReportOverdueMail } from './notify-grant-report-overdue.tsx'
import { grantReportSubmittedMail } from './notify-grant-report-submitted.tsx'
import { grantReportAcceptedMail } from './notify-grant-report-accepted.tsx'
import { grantReportChangesMail } from './notify-grant-report-changes.tsx'
import { grantPaymentMadeMail } from './notify-grant-payment-made.tsx'
import { donationReceipt } from './donation-receipt.tsx'
import { tributeNotice } from './tribute-notice.tsx'
import { donorAccess } from './donor-access.tsx'
import { volunteerRequestReviseMail } from './notify-volunteer-request-revise.tsx'
import { volunteerRequestExpiredMail } from './notify-volunteer-request-expired.tsx'
import { engagementExpiredMail } from './notify-engagement-expired.tsx'
import { engagementProposedMail } from './notify-engagement-proposed.tsx'
import { engagementAcceptedMail } from './notify-engagement-accepted.tsx'
import { engagementDeclinedMail } from './notify-engagement-declined.tsx'
import { engagementCancelledMail } from './notify-engagement-cancelled.tsx'
import { engagementHoursQuestionedMail } from './notify-engagement-hours-questioned.tsx'
import { engagementHoursVerifiedMail } from './notify-engagement-hours-verified.tsx'
import { engagementCheckInDueMail } from './notify-engagement-check-in-due.tsx'
import { engagementCheckInOverdueMail } from './notify-engagement-check-in-overdue.tsx'

/**
 * Every kind of mail, by the name stored in mail_messages.kind. Adding a kind is one template
 * file and one line here; the template check (tests/unit/mail-templates.test.ts) covers it.
 */
export const MAIL_TEMPLATES = {
  'verify-email': verifyEmail,
  'reset-password': resetPassword,
  'confirm-email-change': confirmEmailChange,
  'email-changed-notice': emailChangedNotice,
  'donor-access': donorAccess,
  // Notifications (app/services/notifications): one per kind, named as the kind.
  invitation: invitationMail,
  'application-submitted': applicationSubmittedMail,
  'application-received': applicationReceivedMail,
  'application-in-review': applicationInReviewMail,
  'deadline-reminder': deadlineReminderMail,
  'programs-digest': programsDigestMail,
  'password-changed': passwordChangedMail,
  'new-sign-in': newSignInMail,
  'panel-invitation': panelInvitationMail,
  'review-conflict': reviewConflictMail,
  'review-reminder': reviewReminderMail,
  'application-decided': applicationDecidedMail,
  'changes-requested': changesRequestedMail,
  'application-resubmitted': applicationResubmittedMail,
  'grant-report-due': grantReportDueMail,
  'grant-report-overdue': grantReportOverdueMail,
  'grant-report-submitted': grantReportSubmittedMail,
  'grant-report-accepted': grantReportAcceptedMail,
  'grant-report-changes': grantReportChangesMail,
  'grant-payment-made': grantPaymentMadeMail,
  // Giving (app/services/donations/gift-mails.server.ts).
  'donation-receipt': donationReceipt,
  'tribute-notice': tributeNotice,
  'volunteer-request-revise': volunteerRequestReviseMail,
  'volunteer-request-expired': volunteerRequestExpiredMail,
  'engagement-expired': engagementExpiredMail,
  'engagement-proposed': engagementProposedMail,
  'engagement-accepted': engagementAcceptedMail,
  'engagement-declined': engagementDeclinedMail,
  'engagement-cancelled': engagementCancelledMail,
  'engagement-hours-questioned': engagementHoursQuestionedMail,
  'engagement-hours-verified': engagementHoursVerifiedMail,
  'engagement-check-in-due': engagementCheckInDueMail,
  'engagement-check-in-overdue': engagementCheckInOverdueMail,
} satisfies Record<string, MailTemplate<object>>

export type MailKind = keyof typeof MAIL_TEMPLATES
export type MailData<K extends MailKind> =
  (typeof MAIL_TEMPLATES)[K] extends MailTemplate<infer D> ? D : never
