import { LOCALES, type Language } from '#app/lib/i18n/config.ts'
import { formatNearMoment } from '#app/lib/format.ts'
import { formatMoney } from '#app/lib/money.ts'
import { translateMessage, type Message } from '#app/lib/i18n/message.ts'
import { describeDevice } from '#app/domain/devices.ts'
import { fixedT } from '#app/services/translations.server.ts'
import { contentLanguageOf, showText } from '#app/domain/bilingual.ts'
import type { NotificationKind } from '#app/domain/notifications.ts'

/** A notification's parameters, stored as they are in `notifications.data`. */
export type NotificationData = Record<string, string | number>

/**
 * One entry per kind: the words for the preferences page, the message and the link it shows
 * under the bell (built from the stored parameters, in the reader's language), and the mail
 * template (app/services/mail/templates/<template>.tsx) it is sent with when mailed.
 * Adding a kind: an entry here, its name in app/domain/notifications.ts, keys in
 * app/locales/{en,es}/notifications.json, a template, and one `notify()` call where it happens.
 */
export interface KindDefinition {
  /** What the kind is called on /account/notifications. */
  label: string
  message(data: NotificationData, reader: Language): Message
  link(data: NotificationData): string
  mailTemplate: string
}

const text = (data: NotificationData, name: string) => String(data[name] ?? '')

/** A program's title as stored by `programParameters`, in the reader's language when there is one. */
export function programTitle(data: NotificationData, reader: Language) {
  return showText(reader, {
    language: contentLanguageOf(text(data, 'programLanguage')),
    text: text(data, 'program'),
    translation: text(data, 'programTranslation') || null,
  }).text
}

/**
 * "Firefox on Windows" in the reader's language, from the names stored at sign-in (notices from
 * before the names were stored carry their text as it was written).
 */
function deviceText(data: NotificationData, reader: Language) {
  const browser = text(data, 'browserName') || null
  const os = text(data, 'osName') || null
  if (!browser && !os && data.browser !== undefined) return text(data, 'browser')
  return translateMessage(fixedT(reader), describeDevice({ browser, os }))
}

/**
 * When the program closes, in its own zone and the reader's words ("Friday, December 4 at 5:00
 * PM", or the day alone), from the stored `closesAt` and `timeZone`; null for a notice stored
 * before they were (it said a number of days instead).
 */
export function closingMoment(
  data: NotificationData,
  reader: Language,
  options?: { time?: boolean },
) {
  const at = new Date(text(data, 'closesAt'))
  const timeZone = text(data, 'timeZone')
  if (!timeZone || Number.isNaN(at.getTime())) return null
  try {
    return { closes: formatNearMoment(at, timeZone, LOCALES[reader], options), timeZone }
  } catch {
    // A zone this runtime does not know (a RangeError from Intl): the notice still reads.
    return null
  }
}

/** The parameters a program contributes: its title in both languages, for any reader. */
export function programParameters(program: {
  title: string
  contentLanguage: string
  titleTranslation: string | null
}): NotificationData {
  return {
    program: program.title,
    programLanguage: program.contentLanguage,
    programTranslation: program.titleTranslation ?? '',
  }
}

/** An engagement's notices all open its page. */
const engagementLink = (d: NotificationData) => `/engagements/${text(d, 'engagementId')}`

export const NOTIFICATION_REGISTRY: Record<NotificationKind, KindDefinition> = {
  invitation: {
    label: 'notifications:kinds.invitation.label',
    message: (d) => ({
      key: 'notifications:kinds.invitation.message',
      values: { organization: text(d, 'organization'), invitedBy: text(d, 'invitedBy') },
    }),
    // The dashboard lists the person's invitations with their accept and decline buttons.
    link: () => '/',
    mailTemplate: 'invitation',
  },
  'application-submitted': {
    label: 'notifications:kinds.applicationSubmitted.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.applicationSubmitted.message',
      values: { organization: text(d, 'organization'), program: programTitle(d, reader) },
    }),
    link: (d) => `/applications/${text(d, 'applicationId')}`,
    mailTemplate: 'application-submitted',
  },
  'application-received': {
    label: 'notifications:kinds.applicationReceived.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.applicationReceived.message',
      values: { organization: text(d, 'organization'), program: programTitle(d, reader) },
    }),
    link: (d) => `/orgs/${text(d, 'funderSlug')}/programs/${text(d, 'programSlug')}/applications`,
    mailTemplate: 'application-received',
  },
  'application-in-review': {
    label: 'notifications:kinds.applicationInReview.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.applicationInReview.message',
      values: { program: programTitle(d, reader) },
    }),
    link: (d) => `/applications/${text(d, 'applicationId')}`,
    mailTemplate: 'application-in-review',
  },
  'deadline-reminder': {
    label: 'notifications:kinds.deadlineReminder.label',
    message: (d, reader) => {
      const closing = closingMoment(d, reader)
      return closing
        ? {
            key: 'notifications:kinds.deadlineReminder.message',
            values: { program: programTitle(d, reader), ...closing },
          }
        : {
            key: 'notifications:kinds.deadlineReminder.messageSoon',
            values: { program: programTitle(d, reader) },
          }
    },
    link: (d) => `/applications/${text(d, 'applicationId')}`,
    mailTemplate: 'deadline-reminder',
  },
  'programs-digest': {
    label: 'notifications:kinds.programsDigest.label',
    message: (d) => ({
      key: 'notifications:kinds.programsDigest.message',
      values: { organization: text(d, 'organization'), count: Number(d.count ?? 0) },
    }),
    link: () => '/programs',
    mailTemplate: 'programs-digest',
  },
  'password-changed': {
    label: 'notifications:kinds.passwordChanged.label',
    message: () => ({ key: 'notifications:kinds.passwordChanged.message' }),
    link: () => '/account',
    mailTemplate: 'password-changed',
  },
  'new-sign-in': {
    label: 'notifications:kinds.newSignIn.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.newSignIn.message',
      values: { browser: deviceText(d, reader) },
    }),
    link: () => '/account',
    mailTemplate: 'new-sign-in',
  },
  'panel-invitation': {
    label: 'notifications:kinds.panelInvitation.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.panelInvitation.message',
      values: {
        invitedBy: text(d, 'invitedBy'),
        funder: text(d, 'funder'),
        program: programTitle(d, reader),
      },
    }),
    link: () => '/reviews',
    mailTemplate: 'panel-invitation',
  },
  // Never names the applicant: the officer opens the program's review page to see who it was.
  'review-conflict': {
    label: 'notifications:kinds.reviewConflict.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.reviewConflict.message',
      values: { reviewer: text(d, 'reviewer'), program: programTitle(d, reader) },
    }),
    link: (d) => `/orgs/${text(d, 'funderSlug')}/programs/${text(d, 'programSlug')}/review`,
    mailTemplate: 'review-conflict',
  },
  'review-reminder': {
    label: 'notifications:kinds.reviewReminder.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.reviewReminder.message',
      values: { program: programTitle(d, reader), count: Number(d.count ?? 0) },
    }),
    link: () => '/reviews',
    mailTemplate: 'review-reminder',
  },
  // The group's application page shows the outcome: the amount, or the feedback and comments.
  'application-decided': {
    label: 'notifications:kinds.applicationDecided.label',
    message: (d, reader) => ({
      key:
        text(d, 'outcome') === 'award'
          ? 'notifications:kinds.applicationDecided.awarded'
          : 'notifications:kinds.applicationDecided.declined',
      values: { program: programTitle(d, reader) },
    }),
    link: (d) => `/applications/${text(d, 'applicationId')}`,
    mailTemplate: 'application-decided',
  },
  // The officer's message itself is on the application, above every step, not in the notice.
  'changes-requested': {
    label: 'notifications:kinds.changesRequested.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.changesRequested.message',
      values: { program: programTitle(d, reader) },
    }),
    link: (d) => `/applications/${text(d, 'applicationId')}`,
    mailTemplate: 'changes-requested',
  },
  'application-resubmitted': {
    label: 'notifications:kinds.applicationResubmitted.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.applicationResubmitted.message',
      values: { organization: text(d, 'organization'), program: programTitle(d, reader) },
    }),
    link: (d) => `/applications/${text(d, 'applicationId')}`,
    mailTemplate: 'application-resubmitted',
  },
  'grant-report-due': {
    label: 'notifications:kinds.grantReportDue.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.grantReportDue.message',
      values: {
        report: text(d, 'milestone'),
        program: programTitle(d, reader),
        due: dayText(d, reader),
      },
    }),
    link: (d) => `/grants/${text(d, 'grantId')}`,
    mailTemplate: 'grant-report-due',
  },
  'grant-report-overdue': {
    label: 'notifications:kinds.grantReportOverdue.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.grantReportOverdue.message',
      values: {
        report: text(d, 'milestone'),
        program: programTitle(d, reader),
        due: dayText(d, reader),
      },
    }),
    link: (d) => `/grants/${text(d, 'grantId')}`,
    mailTemplate: 'grant-report-overdue',
  },
  'grant-report-submitted': {
    label: 'notifications:kinds.grantReportSubmitted.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.grantReportSubmitted.message',
      values: {
        organization: text(d, 'organization'),
        report: text(d, 'milestone'),
        program: programTitle(d, reader),
      },
    }),
    link: (d) => `/orgs/${text(d, 'funderSlug')}/grants/${text(d, 'grantId')}`,
    mailTemplate: 'grant-report-submitted',
  },
  'grant-report-accepted': {
    label: 'notifications:kinds.grantReportAccepted.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.grantReportAccepted.message',
      values: { report: text(d, 'milestone'), program: programTitle(d, reader) },
    }),
    link: (d) => `/grants/${text(d, 'grantId')}`,
    mailTemplate: 'grant-report-accepted',
  },
  'grant-report-changes': {
    label: 'notifications:kinds.grantReportChanges.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.grantReportChanges.message',
      values: { report: text(d, 'milestone'), program: programTitle(d, reader) },
    }),
    link: (d) => `/grants/${text(d, 'grantId')}`,
    mailTemplate: 'grant-report-changes',
  },
  'grant-payment-made': {
    label: 'notifications:kinds.grantPaymentMade.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.grantPaymentMade.message',
      values: {
        amount: formatMoney(
          Number(d.amountMinor ?? 0),
          text(d, 'currency') || 'USD',
          LOCALES[reader],
        ),
        program: programTitle(d, reader),
      },
    }),
    link: (d) => `/grants/${text(d, 'grantId')}`,
    mailTemplate: 'grant-payment-made',
  },
  'volunteer-request-revise': {
    label: 'notifications:kinds.volunteerRequestRevise.label',
    message: (d) => ({
      key: 'notifications:kinds.volunteerRequestRevise.message',
      values: { title: text(d, 'title'), days: Number(d.days ?? 0) },
    }),
    link: (d) => `/orgs/${text(d, 'organizationSlug')}/volunteer-requests/${text(d, 'requestId')}`,
    mailTemplate: 'volunteer-request-revise',
  },
  'volunteer-request-expired': {
    label: 'notifications:kinds.volunteerRequestExpired.label',
    message: (d) => ({
      key: 'notifications:kinds.volunteerRequestExpired.message',
      values: { title: text(d, 'title') },
    }),
    link: (d) => `/orgs/${text(d, 'organizationSlug')}/volunteer-requests/${text(d, 'requestId')}`,
    mailTemplate: 'volunteer-request-expired',
  },
  'engagement-expired': {
    label: 'notifications:kinds.engagementExpired.label',
    message: (d) => ({
      key: 'notifications:kinds.engagementExpired.message',
      values: { title: text(d, 'title') },
    }),
    link: (d) => `/engagements/${text(d, 'engagementId')}`,
    mailTemplate: 'engagement-expired',
  },
  'engagement-proposed': {
    label: 'notifications:kinds.engagementProposed.label',
    message: (d) => ({
      key:
        text(d, 'proposedBy') === 'group'
          ? 'notifications:kinds.engagementProposed.invited'
          : 'notifications:kinds.engagementProposed.offered',
      values: { title: text(d, 'title'), name: text(d, 'name') },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-proposed',
  },
  'engagement-accepted': {
    label: 'notifications:kinds.engagementAccepted.label',
    message: (d) => ({
      key: 'notifications:kinds.engagementAccepted.message',
      values: { title: text(d, 'title') },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-accepted',
  },
  'engagement-declined': {
    label: 'notifications:kinds.engagementDeclined.label',
    message: (d) => ({
      key: 'notifications:kinds.engagementDeclined.message',
      values: { title: text(d, 'title') },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-declined',
  },
  'engagement-cancelled': {
    label: 'notifications:kinds.engagementCancelled.label',
    message: (d) => ({
      key: 'notifications:kinds.engagementCancelled.message',
      values: { title: text(d, 'title'), reason: text(d, 'reason') },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-cancelled',
  },
  // The group's question is the notice: the volunteer answers it by logging again or writing.
  'engagement-hours-questioned': {
    label: 'notifications:kinds.engagementHoursQuestioned.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.engagementHoursQuestioned.message',
      values: {
        title: text(d, 'title'),
        day: dayText(d, reader, 'workedOn'),
        question: text(d, 'question'),
      },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-hours-questioned',
  },
  'engagement-hours-verified': {
    label: 'notifications:kinds.engagementHoursVerified.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.engagementHoursVerified.message',
      values: { title: text(d, 'title'), day: dayText(d, reader, 'workedOn') },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-hours-verified',
  },
  'engagement-check-in-due': {
    label: 'notifications:kinds.engagementCheckInDue.label',
    message: (d) => ({
      key: 'notifications:kinds.engagementCheckInDue.message',
      values: { title: text(d, 'title') },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-check-in-due',
  },
  'engagement-check-in-overdue': {
    label: 'notifications:kinds.engagementCheckInOverdue.label',
    message: (d, reader) => ({
      key: 'notifications:kinds.engagementCheckInOverdue.message',
      values: { title: text(d, 'title'), due: dayText(d, reader) },
    }),
    link: engagementLink,
    mailTemplate: 'engagement-check-in-overdue',
  },
}

/** A stored calendar day ('YYYY-MM-DD') in the reader's words ("March 3, 2027"). */
function dayText(data: NotificationData, reader: Language, name = 'dueOn') {
  const day = text(data, name)
  const at = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(at.getTime())) return day
  return new Intl.DateTimeFormat(LOCALES[reader], { dateStyle: 'long', timeZone: 'UTC' }).format(at)
}
