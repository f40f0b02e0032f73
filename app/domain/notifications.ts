/**
 * The kinds of notification and how each may reach a person (docs/decisions/017-notifications.md).
 * Pure, so the preferences form's schema and the pages can use it; the services' registry
 * (app/services/notifications/notification-kinds.server.ts) adds the words, links and mail.
 */
export const NOTIFICATION_KINDS = [
  'invitation',
  'application-submitted',
  'application-received',
  'application-in-review',
  'deadline-reminder',
  'programs-digest',
  'password-changed',
  'new-sign-in',
  'panel-invitation',
  'review-conflict',
  'review-reminder',
  'application-decided',
  'changes-requested',
  'application-resubmitted',
  'grant-report-due',
  'grant-report-overdue',
  'grant-report-submitted',
  'grant-report-accepted',
  'grant-report-changes',
  'grant-payment-made',
  'volunteer-request-revise',
  'volunteer-request-expired',
  'engagement-expired',
  'engagement-proposed',
  'engagement-accepted',
  'engagement-declined',
  'engagement-cancelled',
  'engagement-hours-questioned',
  'engagement-hours-verified',
  'engagement-check-in-due',
  'engagement-check-in-overdue',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/**
 * "required": every notification of the kind is also mailed and nobody can turn that off
 * (security notices; an invitation, which is itself a mail). "optional": each person chooses,
 * and `emailByDefault` applies until they do.
 */
export type MailRule = { mail: 'required' } | { mail: 'optional'; emailByDefault: boolean }

export const MAIL_RULES: Record<NotificationKind, MailRule> = {
  invitation: { mail: 'required' },
  'application-submitted': { mail: 'optional', emailByDefault: true },
  'application-received': { mail: 'optional', emailByDefault: true },
  'application-in-review': { mail: 'optional', emailByDefault: true },
  'deadline-reminder': { mail: 'optional', emailByDefault: true },
  'programs-digest': { mail: 'optional', emailByDefault: true },
  'password-changed': { mail: 'required' },
  'new-sign-in': { mail: 'required' },
  // Like an organisation's invitation, the invitation is itself a mail.
  'panel-invitation': { mail: 'required' },
  'review-conflict': { mail: 'optional', emailByDefault: true },
  'review-reminder': { mail: 'optional', emailByDefault: true },
  'application-decided': { mail: 'optional', emailByDefault: true },
  'changes-requested': { mail: 'optional', emailByDefault: true },
  'application-resubmitted': { mail: 'optional', emailByDefault: true },
  'grant-report-due': { mail: 'optional', emailByDefault: true },
  'grant-report-overdue': { mail: 'optional', emailByDefault: true },
  'grant-report-submitted': { mail: 'optional', emailByDefault: true },
  'grant-report-accepted': { mail: 'optional', emailByDefault: true },
  'grant-report-changes': { mail: 'optional', emailByDefault: true },
  'grant-payment-made': { mail: 'optional', emailByDefault: true },
  'volunteer-request-revise': { mail: 'optional', emailByDefault: true },
  'volunteer-request-expired': { mail: 'optional', emailByDefault: true },
  'engagement-expired': { mail: 'optional', emailByDefault: true },
  'engagement-proposed': { mail: 'optional', emailByDefault: true },
  'engagement-accepted': { mail: 'optional', emailByDefault: true },
  'engagement-declined': { mail: 'optional', emailByDefault: true },
  'engagement-cancelled': { mail: 'optional', emailByDefault: true },
  'engagement-hours-questioned': { mail: 'optional', emailByDefault: true },
  'engagement-hours-verified': { mail: 'optional', emailByDefault: true },
  'engagement-check-in-due': { mail: 'optional', emailByDefault: true },
  'engagement-check-in-overdue': { mail: 'optional', emailByDefault: true },
}

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)

/** Whether a person with this choice (undefined: never chose) gets the kind by email. */
export function wantsEmail(kind: NotificationKind, choice: boolean | null | undefined): boolean {
  const rule = MAIL_RULES[kind]
  if (rule.mail === 'required') return true
  return choice ?? rule.emailByDefault
}

/** A stored link must be a path on our own origin: "/" or "/x", never "//host" or "/\\host". */
export const isLocalPath = (link: string) => /^\/([^/\\]|$)/.test(link)

/** Notifications per page of /notifications. */
export const NOTIFICATIONS_PAGE_SIZE = 20
