import { eq } from 'drizzle-orm'
import type { Tx } from '#db/client.server.ts'
import type { DeviceNames } from '#app/domain/devices.ts'
import type { NotificationKind } from '#app/domain/notifications.ts'
import { organizations, users, type Organization, type Program } from '#db/schema/index.ts'
import { programParameters, type NotificationData } from './notification-kinds.server.ts'
import { membersOf, notify, notifyEach } from './notifications.server.ts'
import { mailNotifications } from './notification-mail.server.ts'

/*
 * The events that notify people, each called inside the transaction that makes it happen.
 * A later event (review, donation, volunteer) is one more function like these.
 */

/** The owners and admins of a funder: its program officers. */
const OFFICER_ROLES = ['owner', 'admin'] as const

/**
 * An invitation was sent: the invitee hears of it under the bell when the address has an account.
 * The mail with the accept link goes to the address either way (`mailInvitation`).
 */
export async function notifyInvited(
  tx: Tx,
  invitation: { id: string; email: string; token: string },
  organization: Pick<Organization, 'name'>,
  invitedById: string,
): Promise<{ inviteeId: string | null }> {
  return tellInvitee(tx, 'invitation', invitation, invitedById, {
    data: (invitedBy) => ({ organization: organization.name, invitedBy }),
    mailData: { acceptPath: `/invitations/${invitation.token}` },
  })
}

/**
 * An invitation (to an organisation, onto a panel) reaches its invitee under the bell when the
 * address has an account; the mail with the accept link goes to the address either way, in the
 * inviter's language when there is no account to ask.
 */
async function tellInvitee(
  tx: Tx,
  kind: 'invitation' | 'panel-invitation',
  invitation: { id: string; email: string },
  invitedById: string,
  parts: { data: (invitedBy: string) => NotificationData; mailData: NotificationData },
): Promise<{ inviteeId: string | null }> {
  const [invitee] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, invitation.email))
    .limit(1)
  const [inviter] = await tx
    .select({ name: users.name, language: users.language })
    .from(users)
    .where(eq(users.id, invitedById))
    .limit(1)
  const data = parts.data(inviter?.name ?? '')
  if (invitee) {
    await notify(tx, {
      kind,
      userId: invitee.id,
      data,
      eventKey: invitation.id,
      mailData: parts.mailData,
    })
    return { inviteeId: invitee.id }
  }
  await mailNotifications(tx, kind, [
    {
      to: invitation.email,
      language: inviter?.language === 'es' ? 'es' : 'en',
      data: { ...data, ...parts.mailData },
      idempotencyKey: `${kind}:${invitation.id}:${invitation.email}`,
    },
  ])
  return { inviteeId: null }
}

/**
 * A group submitted an application: its members hear that it went in; the funder's program
 * officers that it arrived.
 */
export async function notifyApplicationSubmitted(
  tx: Tx,
  submitted: {
    application: { id: string }
    organization: Pick<Organization, 'id' | 'name'>
    program: Pick<Program, 'slug' | 'title' | 'contentLanguage' | 'titleTranslation'>
    fund: { organizationId: string }
  },
) {
  const { application, organization, program, fund } = submitted
  const base = { ...programParameters(program), organization: organization.name }
  const group = await membersOf(tx, [organization.id])
  await notifyEach(
    tx,
    'application-submitted',
    group.map((m) => ({
      userId: m.userId,
      data: { ...base, applicationId: application.id },
      eventKey: application.id,
    })),
  )
  const [funder] = await tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, fund.organizationId))
  const officers = await membersOf(tx, [fund.organizationId], OFFICER_ROLES)
  await notifyEach(
    tx,
    'application-received',
    officers.map((m) => ({
      userId: m.userId,
      data: { ...base, funderSlug: funder?.slug ?? '', programSlug: program.slug },
      eventKey: application.id,
    })),
  )
}

/** An officer asked the group for changes: every member of the group hears of it. */
export async function notifyChangesRequested(
  tx: Tx,
  request: {
    eventId: number
    application: { id: string; organizationId: string }
    program: Pick<Program, 'title' | 'contentLanguage' | 'titleTranslation'>
  },
) {
  const group = await membersOf(tx, [request.application.organizationId])
  await notifyEach(
    tx,
    'changes-requested',
    group.map((m) => ({
      userId: m.userId,
      data: { ...programParameters(request.program), applicationId: request.application.id },
      eventKey: String(request.eventId),
    })),
  )
}

/** The group sent back the application it was asked to change: the funder's officers hear of it. */
export async function notifyApplicationResubmitted(
  tx: Tx,
  resubmitted: {
    application: { id: string; version: number }
    organization: Pick<Organization, 'name'>
    program: Pick<Program, 'title' | 'contentLanguage' | 'titleTranslation'>
    fund: { organizationId: string }
  },
) {
  const { application, organization, program, fund } = resubmitted
  const officers = await membersOf(tx, [fund.organizationId], OFFICER_ROLES)
  await notifyEach(
    tx,
    'application-resubmitted',
    officers.map((m) => ({
      userId: m.userId,
      data: {
        ...programParameters(program),
        organization: organization.name,
        applicationId: application.id,
      },
      // The version it was resubmitted from: each resubmission is its own event.
      eventKey: `${application.id}:${application.version}`,
    })),
  )
}

/** The program's review started: each group whose application moved hears of it. */
export async function notifyMovedIntoReview(
  tx: Tx,
  program: Pick<Program, 'title' | 'contentLanguage' | 'titleTranslation'>,
  moved: { id: string; organizationId: string }[],
) {
  const members = await membersOf(
    tx,
    moved.map((m) => m.organizationId),
  )
  const applicationOf = new Map(moved.map((m) => [m.organizationId, m.id]))
  await notifyEach(
    tx,
    'application-in-review',
    members.flatMap((m) => {
      const applicationId = applicationOf.get(m.organizationId)
      return applicationId
        ? [
            {
              userId: m.userId,
              data: { ...programParameters(program), applicationId },
              eventKey: applicationId,
            },
          ]
        : []
    }),
  )
}

/** The password was changed (security notice; the mail cannot be turned off). */
export async function notifyPasswordChanged(tx: Tx, userId: string, eventKey: string) {
  await notify(tx, { kind: 'password-changed', userId, data: {}, eventKey })
}

/** Someone signed in from a device this account had not used (security notice). */
export async function notifyNewSignIn(
  tx: Tx,
  userId: string,
  sessionId: string,
  device: DeviceNames & { ip: string },
) {
  await notify(tx, {
    kind: 'new-sign-in',
    userId,
    data: { browserName: device.browser ?? '', osName: device.os ?? '' },
    eventKey: sessionId,
    mailData: { ip: device.ip },
  })
}

/**
 * Someone was invited onto a program's review panel: under the bell when the address has an
 * account; the mail with the accept link goes to the address either way.
 */
export async function notifyPanelInvited(
  tx: Tx,
  invitation: { id: string; email: string; token: string },
  program: Pick<Program, 'title' | 'contentLanguage' | 'titleTranslation'>,
  funder: Pick<Organization, 'name'>,
  invitedById: string,
) {
  await tellInvitee(tx, 'panel-invitation', invitation, invitedById, {
    data: (invitedBy) => ({ ...programParameters(program), funder: funder.name, invitedBy }),
    mailData: { acceptPath: `/panel-invitations/${invitation.token}` },
  })
}

/** A reviewer declared a conflict: the funder's program officers are asked to pick a replacement. */
export async function notifyReviewConflict(
  tx: Tx,
  conflict: {
    assignmentId: string
    reviewer: string
    funder: Pick<Organization, 'id' | 'slug'>
    program: Pick<Program, 'slug' | 'title' | 'contentLanguage' | 'titleTranslation'>
  },
) {
  const officers = await membersOf(tx, [conflict.funder.id], OFFICER_ROLES)
  await notifyEach(
    tx,
    'review-conflict',
    officers.map((m) => ({
      userId: m.userId,
      data: {
        ...programParameters(conflict.program),
        reviewer: conflict.reviewer,
        funderSlug: conflict.funder.slug,
        programSlug: conflict.program.slug,
      },
      eventKey: conflict.assignmentId,
    })),
  )
}

/** The funder decided an application: each member of the group hears the outcome. */
export async function notifyApplicationDecided(
  tx: Tx,
  decided: {
    decisionId: string
    application: { id: string; organizationId: string }
    program: Pick<Program, 'title' | 'contentLanguage' | 'titleTranslation'>
    outcome: 'award' | 'decline'
  },
) {
  const members = await membersOf(tx, [decided.application.organizationId])
  await notifyEach(
    tx,
    'application-decided',
    members.map((m) => ({
      userId: m.userId,
      data: {
        ...programParameters(decided.program),
        applicationId: decided.application.id,
        outcome: decided.outcome,
      },
      eventKey: decided.decisionId,
    })),
  )
}

/** The officer reminded the reviewers whose reviews are not in; `eventKey` names the reminder. */
export async function notifyReviewReminders(
  tx: Tx,
  program: Pick<Program, 'title' | 'contentLanguage' | 'titleTranslation'>,
  late: { userId: string; count: number }[],
  eventKey: string,
) {
  return notifyEach(
    tx,
    'review-reminder',
    late.map((r) => ({
      userId: r.userId,
      data: { ...programParameters(program), count: r.count },
      eventKey,
    })),
  )
}

/** What a grant's notices carry: the program (both languages), the grantee and both links. */
export interface GrantNoticeContext {
  grant: { id: string; organizationId: string }
  funderId: string
  funderSlug: string
  organizationName: string
  currency: string
  program: Pick<Program, 'title' | 'contentLanguage' | 'titleTranslation'>
}

function grantParameters(context: GrantNoticeContext): NotificationData {
  return {
    ...programParameters(context.program),
    grantId: context.grant.id,
    organization: context.organizationName,
    funderSlug: context.funderSlug,
  }
}

/** A payment of the grant was made: the grantee's members hear of it. */
export async function notifyGrantPaymentMade(
  tx: Tx,
  context: GrantNoticeContext,
  payment: { id: string; amountMinor: number },
) {
  const group = await membersOf(tx, [context.grant.organizationId])
  return notifyEach(
    tx,
    'grant-payment-made',
    group.map((m) => ({
      userId: m.userId,
      data: {
        ...grantParameters(context),
        amountMinor: payment.amountMinor,
        currency: context.currency,
      },
      eventKey: payment.id,
    })),
  )
}

/** A grantee submitted a report: the funder's program officers are asked to read it. */
export async function notifyGrantReportSubmitted(
  tx: Tx,
  context: GrantNoticeContext,
  report: { id: string; milestone: string },
) {
  const officers = await membersOf(tx, [context.funderId], OFFICER_ROLES)
  return notifyEach(
    tx,
    'grant-report-submitted',
    officers.map((m) => ({
      userId: m.userId,
      data: { ...grantParameters(context), milestone: report.milestone },
      eventKey: report.id,
    })),
  )
}

/** The funder accepted a report, or asked for changes: the grantee's members hear which. */
export async function notifyGrantReportReviewed(
  tx: Tx,
  context: GrantNoticeContext,
  report: { id: string; milestone: string },
  outcome: 'accepted' | 'changes',
) {
  const group = await membersOf(tx, [context.grant.organizationId])
  return notifyEach(
    tx,
    outcome === 'accepted' ? 'grant-report-accepted' : 'grant-report-changes',
    group.map((m) => ({
      userId: m.userId,
      data: { ...grantParameters(context), milestone: report.milestone },
      eventKey: report.id,
    })),
  )
}

/**
 * A report is due soon, or overdue: the grantee's members are reminded. The event key is the
 * milestone and the reminder, so each goes once per person however often the job runs.
 */
export async function notifyGrantReportReminder(
  tx: Tx,
  context: GrantNoticeContext,
  milestone: { id: string; title: string; dueOn: string },
  which: 'due' | 'overdue',
) {
  const group = await membersOf(tx, [context.grant.organizationId])
  return notifyEach(
    tx,
    which === 'due' ? 'grant-report-due' : 'grant-report-overdue',
    group.map((m) => ({
      userId: m.userId,
      data: { ...grantParameters(context), milestone: milestone.title, dueOn: milestone.dueOn },
      // Once per milestone, kind and due day (a milestone moved to a new day is reminded again).
      eventKey: `${milestone.id}:${which}:${milestone.dueOn}`,
    })),
  )
}

/**
 * A group's volunteer request needs its attention: it has waited `days` with no engagement
 * proposed ('revise'), or its deadline passed while open ('expired'). The group's members who may
 * edit it hear of it, once per request and kind.
 */
export async function notifyVolunteerRequest(
  tx: Tx,
  which: 'revise' | 'expired',
  request: { id: string; title: string; organizationId: string; organizationSlug: string },
  days = 0,
) {
  const group = await membersOf(tx, [request.organizationId], ['owner', 'admin', 'member'])
  return notifyEach(
    tx,
    which === 'revise' ? 'volunteer-request-revise' : 'volunteer-request-expired',
    group.map((m) => ({
      userId: m.userId,
      data: {
        requestId: request.id,
        title: request.title,
        organizationSlug: request.organizationSlug,
        ...(which === 'revise' ? { days } : {}),
      },
      eventKey: `${request.id}:${which}`,
    })),
  )
}

/**
 * A proposal nobody answered within its window expired: both sides are told, the volunteer and
 * the group's members who act on its requests.
 */
export async function notifyEngagementExpired(
  tx: Tx,
  engagement: { id: string; title: string; organizationId: string; volunteerUserId: string },
) {
  const group = await membersOf(tx, [engagement.organizationId], ['owner', 'admin', 'member'])
  const people = new Set([engagement.volunteerUserId, ...group.map((m) => m.userId)])
  return notifyEach(
    tx,
    'engagement-expired',
    [...people].map((userId) => ({
      userId,
      data: { engagementId: engagement.id, title: engagement.title },
      eventKey: `${engagement.id}:expired`,
    })),
  )
}

/** Who an engagement's notice is for: the volunteer, the group's members who act on requests, or both. */
export type EngagementAudience = 'volunteer' | 'group' | 'both'

/** The engagement kinds told through `notifyEngagement` (expiry has its own, above). */
export type EngagementNoticeKind = Extract<
  NotificationKind,
  | 'engagement-proposed'
  | 'engagement-accepted'
  | 'engagement-declined'
  | 'engagement-cancelled'
  | 'engagement-hours-questioned'
  | 'engagement-hours-verified'
  | 'engagement-check-in-due'
  | 'engagement-check-in-overdue'
>

/**
 * Something happened on an engagement: the side(s) it concerns hear of it, never the person who
 * did it (`actorId`; null for the daily job). `eventKey` names the event, so telling it again
 * notifies nobody twice.
 */
export async function notifyEngagement(
  tx: Tx,
  kind: EngagementNoticeKind,
  engagement: { id: string; title: string; organizationId: string; volunteerUserId: string },
  notice: {
    to: EngagementAudience
    actorId: string | null
    eventKey: string
    data?: NotificationData
  },
) {
  const group =
    notice.to === 'volunteer'
      ? []
      : await membersOf(tx, [engagement.organizationId], ['owner', 'admin', 'member'])
  const people = new Set([
    ...(notice.to === 'group' ? [] : [engagement.volunteerUserId]),
    ...group.map((m) => m.userId),
  ])
  if (notice.actorId) people.delete(notice.actorId)
  return notifyEach(
    tx,
    kind,
    [...people].map((userId) => ({
      userId,
      data: { engagementId: engagement.id, title: engagement.title, ...notice.data },
      eventKey: notice.eventKey,
    })),
  )
}
