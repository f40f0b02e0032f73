import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { listAttachments } from '#app/services/applications/attachments.server.ts'
import { queueMail } from '#app/services/mail/mail.server.ts'
import {
  applications,
  grantMilestones,
  grantReportFiles,
  grantReports,
  panelMembers,
  reviewAssignments,
} from '#db/schema/index.ts'
import { addReportFile } from '#app/services/grants/grant-report-files.server.ts'
import { saveProfile } from '#app/services/volunteers/profiles.server.ts'
import { createRequest } from '#app/services/volunteers/requests.server.ts'
import { invite } from '#app/services/engagements/engagements.server.ts'
import { createGrantForAward } from '#app/services/grants/grants.server.ts'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
  inviteToOrg,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest, type Outcome } from '#tests/support/routes.ts'

/*
 * The route × role permission matrix. The routes come from app/routes.ts (the Remix route
 * config), so a new route, or a loader or action added to one, fails "has an answer for every
 * route, handler and role" until MATRIX says what each role gets from it. Each answer is then
 * checked by calling the handler with a real Request as that role.
 *
 * Answers: a status code (200, 400, 403, 404, …), or 'login' for a redirect to the login page.
 * Actions are posted a form that is harmless when allowed (usually empty, so the answer is a 400
 * field error), so one role's post does not change what the next role sees.
 */

withTestDatabase()

const ROLES = [
  'anonymous',
  'noOrg',
  'groupMember',
  'groupOwner',
  'funderOwner',
  'funderReviewer',
  'otherFunderOwner',
  'platformAdmin',
] as const
type Role = (typeof ROLES)[number]
type Answer = number | 'login'
type Answers = Record<Role, Answer>

/** One answer for every role, except those named. */
const every = (answer: Answer, except: Partial<Answers> = {}): Answers =>
  Object.fromEntries(ROLES.map((role) => [role, except[role] ?? answer])) as Answers

/** What signed-in people who are not part of the organisation get: 404, as if it did not exist. */
const outsiders = { noOrg: 404, otherFunderOwner: 404, platformAdmin: 404 } as const
const groupOnly = { groupMember: 404, groupOwner: 404 } as const
const funderOnly = { funderOwner: 404, funderReviewer: 404 } as const

/** A valid new password, so the reset route reaches the link check. */
const PASSWORD_PAIR = {
  newPassword: 'a sturdy new passphrase 42',
  confirmPassword: 'a sturdy new passphrase 42',
}

/** The people and things each route is called about. */
interface World {
  group: Awaited<ReturnType<typeof createOrgWithOwner>>
  funder: Awaited<ReturnType<typeof createOpenProgram>>
  users: Record<Exclude<Role, 'anonymous'>, { id: string }>
  applicationId: string
  attachmentId: string
  invitationToken: string
  mailId: string
  assignmentId: string
  /** A submitted application of the funder's program (the decision page's). */
  reviewedId: string
  grantId: string
  /** A file on the group's report on that grant. */
  reportFileId: string
  /** The noOrg user's volunteer profile, and an open volunteer request of the group. */
  volunteerProfileId: string
  volunteerRequestId: string
  /** The group's invitation of that volunteer to that request. */
  engagementId: string
}

interface RouteExpectation {
  /** Route params beyond the defaults (the funder's organisation, fund and program, …). */
  params?: (w: World) => Record<string, string>
  loader?: Answers
  action?: { form?: Record<string, string>; answers: Answers }
}

const groupPage = (w: World) => ({ slug: w.group.org.slug })
const publicProgram = (w: World) => ({ slug: w.funder.program.slug })

/**
 * One entry per route id of app/routes.ts. A new route is one more line here; give `params` when
 * its params are not the defaults (the funder's organisation, fund and program, the group's draft,
 * its file, an invitation), e.g. `params: (w) => ({ userId: w.users.noOrg.id })`.
 */
const MATRIX: Record<string, RouteExpectation> = {
  // Answering an invitation: an empty post names none, so signed-in people get a field error.
  'routes/_index': {
    loader: every(200),
    action: { answers: every(400, { anonymous: 'login' }) },
  },
  // Signed-in people are sent on from the login and sign-up pages, whatever they post.
  'routes/login': {
    loader: every(302, { anonymous: 200 }),
    action: { answers: every(302, { anonymous: 400 }) },
  },
  'routes/signup': {
    loader: every(302, { anonymous: 200 }),
    action: { answers: every(302, { anonymous: 400 }) },
  },
  'routes/logout': { loader: every(302), action: { answers: every(302) } },
  'routes/account': {
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(400, { anonymous: 'login' }) },
  },
  // Notifications: each person's own; an empty post names no action.
  'routes/notifications': {
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(400, { anonymous: 'login' }) },
  },
  // Notification settings: an empty post changes nothing and goes back to the page.
  'routes/account_.notifications': {
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(302, { anonymous: 'login' }) },
  },
  // Changing the email: the signed-in person's own; an empty post is a field error.
  'routes/account_.email': {
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(400, { anonymous: 'login' }) },
  },
  // Forgot password: anyone, signed in or not; an empty post is a field error.
  'routes/forgot-password': { loader: every(200), action: { answers: every(400) } },
  // Links from mails: a token that is none of ours is a clear 404 page for everyone (the
  // refusals of real links, used, expired, another account's, are tested in account-links.test.ts).
  'routes/reset-password.$token': {
    params: () => ({ token: 'not-a-real-token' }),
    loader: every(404),
    action: { form: PASSWORD_PAIR, answers: every(404) },
  },
  'routes/verify-email.$token': {
    params: () => ({ token: 'not-a-real-token' }),
    loader: every(404),
    action: { answers: every(404) },
  },
  // The banner's resend: signed-in accounts (these are all confirmed: nothing is sent).
  'routes/resend-verification': {
    loader: every(302),
    action: { answers: every(302, { anonymous: 'login' }) },
  },
  // The language switch: anyone may choose; an empty post names no language.
  'routes/language': { loader: every(302), action: { answers: every(400) } },
  'routes/resources.places': { loader: every(200) },
  // Stripe's webhook: whoever holds the signing secret; a post without a valid signature is 400.
  'routes/webhooks.stripe': { action: { answers: every(400) } },
  // The sandbox's hosted checkout page: whoever holds a session's link (its unguessable id);
  // one that is not a session is a 404 for everyone.
  'routes/sandbox.checkout.$sessionId': {
    params: () => ({ sessionId: 'cs_test_not_a_session' }),
    loader: every(404),
    action: { answers: every(404) },
  },
  // Giving is public: anyone may see a public fund and give to it (an empty post is a field
  // error). The return page needs the checkout session's id, which only the donor holds.
  'routes/funds._index': { loader: every(200) },
  'routes/funds.$fundSlug._index': { loader: every(200) },
  'routes/funds.$fundSlug.give': { loader: every(200), action: { answers: every(400) } },
  'routes/funds.$fundSlug.thanks': { loader: every(404) },
  'routes/funds.$fundSlug.cancelled': { loader: every(200) },
  // A gift's receipt, page and PDF: whoever holds its link (mailed to the donor, unguessable);
  // a token that is none of ours is a 404 for everyone (settled and unsettled: receipts.test.ts).
  'routes/receipts.$token': { params: () => ({ token: 'f'.repeat(64) }), loader: every(404) },
  'routes/receipts.$token_.pdf': { params: () => ({ token: 'f'.repeat(64) }), loader: every(404) },
  // A donor's gifts: a verified account's own (these accounts gave nothing: an empty list), a
  // guest is sent to ask for a link; an empty post names no gift (who may stop which gift is
  // tested in donor-gifts.test.ts). Asking for a link is anyone's; a token that is none of ours
  // is a 404 for everyone.
  'routes/gifts._index': {
    loader: every(200, { anonymous: 302 }),
    action: { answers: every(400) },
  },
  'routes/gifts.lookup': { loader: every(200), action: { answers: every(400) } },
  'routes/gifts.access.$token': {
    params: () => ({ token: 'not-a-real-token' }),
    loader: every(404),
    action: { answers: every(404) },
  },
  'routes/invitations.$token': {
    loader: every(200),
    action: { answers: every(403, { anonymous: 'login' }) },
  },

  'routes/admin': { loader: every(403, { anonymous: 'login', platformAdmin: 200 }) },
  'routes/admin._index': { loader: every(403, { anonymous: 'login', platformAdmin: 302 }) },
  'routes/admin.users': { loader: every(403, { anonymous: 'login', platformAdmin: 200 }) },
  'routes/admin.organizations': { loader: every(403, { anonymous: 'login', platformAdmin: 200 }) },
  'routes/admin.audit': { loader: every(403, { anonymous: 'login', platformAdmin: 200 }) },
  // Payments reconciliation: admins only; an empty post names no intent (400).
  'routes/admin.payments': {
    loader: every(403, { anonymous: 'login', platformAdmin: 200 }),
    action: { answers: every(403, { anonymous: 'login', platformAdmin: 400 }) },
  },
  // The matching weights: admins only; an empty post has no numbers (400).
  'routes/admin.matching': {
    loader: every(403, { anonymous: 'login', platformAdmin: 200 }),
    action: { answers: every(403, { anonymous: 'login', platformAdmin: 400 }) },
  },
  // The in-kind rates: admins only; an empty post has no amount, year or source (400).
  'routes/admin.in-kind-rates': {
    loader: every(403, { anonymous: 'login', platformAdmin: 200 }),
    action: { answers: every(403, { anonymous: 'login', platformAdmin: 400 }) },
  },
  // Matching coverage (charts and tables): admins only.
  'routes/admin.matching_.coverage': {
    loader: every(403, { anonymous: 'login', platformAdmin: 200 }),
  },
  // The platform batch of suggestions: admins only; an admin's post queues a run and goes back.
  'routes/admin.matching_.suggest': {
    action: { answers: every(403, { anonymous: 'login', platformAdmin: 302 }) },
  },
  // The development outbox (no SMTP configured here): admins only.
  'routes/admin.outbox': { loader: every(403, { anonymous: 'login', platformAdmin: 200 }) },
  'routes/admin.outbox_.$messageId': {
    params: (w) => ({ messageId: w.mailId }),
    loader: every(403, { anonymous: 'login', platformAdmin: 200 }),
  },
  // An empty post names neither Suspend nor Restore: the admin gets a plain error.
  'routes/admin.users_.$userId': {
    params: (w) => ({ userId: w.users.noOrg.id }),
    loader: every(403, { anonymous: 'login', platformAdmin: 200 }),
    action: { answers: every(403, { anonymous: 'login', platformAdmin: 400 }) },
  },
  'routes/admin.organizations_.$organizationId': {
    params: (w) => ({ organizationId: w.group.org.id }),
    loader: every(403, { anonymous: 'login', platformAdmin: 200 }),
  },

  'routes/orgs.new': {
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(400, { anonymous: 'login' }) },
  },
  // Switching to no organisation in particular: nobody is a member of it.
  'routes/orgs.switch': {
    loader: every(302),
    action: { answers: every(404, { anonymous: 'login' }) },
  },
  'routes/orgs.$slug': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly }),
  },
  'routes/orgs.$slug._index': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly }),
  },
  'routes/orgs.$slug.members': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.settings': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.applications': {
    params: groupPage,
    loader: every(200, { anonymous: 'login', ...outsiders, ...funderOnly }),
  },

  'routes/orgs.$slug.funds._index': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  'routes/orgs.$slug.funds.new': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.funds.$fundSlug._index': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  'routes/orgs.$slug.funds.$fundSlug.edit': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.funds.$fundSlug.programs.new': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.programs.$programSlug': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  'routes/orgs.$slug.programs.$programSlug._index': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.programs.$programSlug.details': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.programs.$programSlug.rubric': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.programs.$programSlug.questions': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.programs.$programSlug.applications': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  'routes/orgs.$slug.programs.$programSlug.applications[.]csv': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  // The panel and the review board: the program officers (owners, admins) only; an empty post
  // names no action.
  'routes/orgs.$slug.programs.$programSlug.panel': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/orgs.$slug.programs.$programSlug.review': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  // The ranking board: the program officers' too; it only reads.
  'routes/orgs.$slug.programs.$programSlug.ranking': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  // The decision page: the program officers' too; an empty post names no action.
  'routes/orgs.$slug.programs.$programSlug.decide': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  // Decisions: the program officers'. The decision page is about the reviewed application; an
  // empty post is a field error (no amount, no confirmation), so nothing is decided.
  'routes/orgs.$slug.programs.$programSlug.decisions': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  'routes/orgs.$slug.programs.$programSlug.applications_.$applicationId.decision': {
    params: (w) => ({ applicationId: w.reviewedId }),
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      form: { intent: 'award' },
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  // The fairness page: the program officers' too (never reviewers); it only reads.
  'routes/orgs.$slug.programs.$programSlug.fairness': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  // Each signed-in person's own queue and ties; an empty post names no organisation.
  'routes/reviews._index': {
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(400, { anonymous: 'login' }) },
  },
  // The world's assignment is the funder reviewer's: nobody else learns that it exists. An
  // empty post is a field error (no level is required to save).
  'routes/reviews.$assignmentId': {
    params: (w) => ({ assignmentId: w.assignmentId }),
    loader: every(404, { anonymous: 'login', funderReviewer: 200 }),
    action: {
      form: { declaration: 'conflict', reason: '' },
      answers: every(404, { anonymous: 'login', funderReviewer: 400 }),
    },
  },
  // Grants: the funder's list and grant pages are its program officers'; an empty post names no
  // action. The grantee's page is for the group's members only; an empty post is a field error.
  'routes/orgs.$slug.grants._index': {
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
  },
  'routes/orgs.$slug.grants.$grantId': {
    params: (w) => ({ grantId: w.grantId }),
    loader: every(200, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    action: {
      answers: every(400, { anonymous: 'login', ...outsiders, ...groupOnly, funderReviewer: 403 }),
    },
  },
  'routes/grants.$grantId': {
    params: (w) => ({ grantId: w.grantId }),
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  // A report's files: the group uploads (no file chosen: back to the page with the error); the
  // group and the funder's program officers download, never its reviewers.
  'routes/grants.$grantId_.files': {
    params: (w) => ({ grantId: w.grantId }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 302, groupOwner: 302 }) },
  },
  'routes/grants.$grantId_.files.$fileId': {
    params: (w) => ({ grantId: w.grantId, fileId: w.reportFileId }),
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200, funderOwner: 200 }),
  },
  // A token that is none of ours: not found for everyone.
  'routes/panel-invitations.$token': {
    params: () => ({ token: 'not-a-real-token' }),
    loader: every(404),
    action: { answers: every(404, { anonymous: 'login' }) },
  },

  'routes/programs._index': { loader: every(200) },
  'routes/programs.$slug._index': { params: publicProgram, loader: every(200) },
  'routes/programs.$slug.apply': {
    params: publicProgram,
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(400, { anonymous: 'login' }) },
  },

  // The world's application is a draft: its group sees and edits it; nobody else knows it exists.
  'routes/applications.$id': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
  },
  'routes/applications.$id._index': {
    loader: every(404, { anonymous: 'login', groupMember: 302, groupOwner: 302 }),
    // Withdrawing: a reason over the limit, so that no role's post withdraws the draft.
    action: {
      form: { reason: 'x'.repeat(1001) },
      answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }),
    },
  },
  'routes/applications.$id.organization': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  'routes/applications.$id.community': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  'routes/applications.$id.project': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  'routes/applications.$id.questions': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  'routes/applications.$id.budget': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  'routes/applications.$id.skills': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  'routes/applications.$id.review': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 400, groupOwner: 400 }) },
  },
  // The officers' pages on a received application: the world's is a draft, so the funder does
  // not know it exists; its group knows it does, and may not ask itself for changes or read notes.
  'routes/applications.$id.changes': {
    loader: every(404, { anonymous: 'login', groupMember: 403, groupOwner: 403 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 403, groupOwner: 403 }) },
  },
  'routes/applications.$id.notes': {
    loader: every(404, { anonymous: 'login', groupMember: 403, groupOwner: 403 }),
    action: { answers: every(404, { anonymous: 'login', groupMember: 403, groupOwner: 403 }) },
  },
  // No file chosen: the group is sent back to the step with the error.
  'routes/applications.$id.attachments': {
    action: { answers: every(404, { anonymous: 'login', groupMember: 302, groupOwner: 302 }) },
  },
  'routes/applications.$id.attachments.$attachmentId': {
    loader: every(404, { anonymous: 'login', groupMember: 200, groupOwner: 200 }),
  },

  // Anyone signed in may become a volunteer; an empty post lacks a headline.
  'routes/volunteer': {
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(400, { anonymous: 'login' }) },
  },
  // The noOrg user's profile: theirs, an admin's, and the group's (it has an open request).
  'routes/volunteers.$id': {
    params: (w) => ({ id: w.volunteerProfileId }),
    loader: every(404, {
      anonymous: 'login',
      noOrg: 200,
      platformAdmin: 200,
      groupMember: 200,
      groupOwner: 200,
    }),
    // An empty invitation names no request: a field error for those who may see the profile.
    action: {
      answers: every(404, {
        anonymous: 'login',
        noOrg: 400,
        platformAdmin: 400,
        groupMember: 400,
        groupOwner: 400,
      }),
    },
  },
  // Offering on an open request: those without a profile are refused; the noOrg volunteer
  // already has the group's invitation to it, so a second proposal is refused too.
  'routes/volunteer_.requests.$requestId.offer': {
    params: (w) => ({ requestId: w.volunteerRequestId }),
    loader: every(200, { anonymous: 'login' }),
    action: { answers: every(403, { anonymous: 'login', noOrg: 409 }) },
  },
  'routes/engagements._index': { loader: every(200, { anonymous: 'login' }) },
  // The group's invitation of the noOrg volunteer: its two sides only; an empty post names no
  // action.
  'routes/engagements.$id': {
    params: (w) => ({ id: w.engagementId }),
    loader: every(404, { anonymous: 'login', noOrg: 200, groupMember: 200, groupOwner: 200 }),
    action: {
      answers: every(404, { anonymous: 'login', noOrg: 400, groupMember: 400, groupOwner: 400 }),
    },
  },
  // Requests for volunteers: only someone with a volunteer profile (the noOrg user) sees them;
  // an empty post lacks the agreement's tick.
  'routes/volunteer_.requests._index': {
    loader: every(404, { anonymous: 'login', noOrg: 200 }),
  },
  'routes/volunteer_.requests.$requestId': {
    params: (w) => ({ requestId: w.volunteerRequestId }),
    loader: every(404, { anonymous: 'login', noOrg: 200 }),
    action: { answers: every(404, { anonymous: 'login', noOrg: 400 }) },
  },
  'routes/orgs.$slug.volunteer-requests._index': {
    params: groupPage,
    loader: every(200, { anonymous: 'login', ...outsiders, ...funderOnly }),
  },
  'routes/orgs.$slug.volunteer-requests.new': {
    params: groupPage,
    loader: every(200, { anonymous: 'login', ...outsiders, ...funderOnly }),
    action: { answers: every(400, { anonymous: 'login', ...outsiders, ...funderOnly }) },
  },
  'routes/orgs.$slug.volunteer-requests.$requestId': {
    params: (w) => ({ slug: w.group.org.slug, requestId: w.volunteerRequestId }),
    loader: every(200, { anonymous: 'login', ...outsiders, ...funderOnly }),
    action: { answers: every(400, { anonymous: 'login', ...outsiders, ...funderOnly }) },
  },
}

interface RouteEntry {
  id: string
  file: string
  path?: string
  index?: boolean
  children?: RouteEntry[]
}

/** Every route of app/routes.ts with its full URL pattern. */
async function listRoutes(): Promise<{ id: string; file: string; pattern: string }[]> {
  // flatRoutes() asks the Remix Vite plugin for the app folder; outside a build, say it here.
  ;(globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = path.resolve('app')
  const config = (await (await import('#app/routes.ts')).default) as RouteEntry[]
  const out: { id: string; file: string; pattern: string }[] = []
  const walk = (entries: RouteEntry[], parent: string) => {
    for (const entry of entries) {
      const pattern = [parent, entry.path].filter(Boolean).join('/')
      out.push({ id: entry.id, file: entry.file, pattern })
      walk(entry.children ?? [], pattern)
    }
  }
  walk(config, '')
  return out.sort((a, b) => a.id.localeCompare(b.id))
}

type Handler = Parameters<typeof call>[0]
interface RouteModule {
  loader?: Handler
  action?: Handler
}

const routes = await Promise.all(
  (await listRoutes()).map(async (route) => ({
    ...route,
    module: (await import(path.resolve('app', route.file))) as RouteModule,
  })),
)

let world: World

beforeAll(async () => {
  const group = await createOrgWithOwner('community_group')
  const funder = await createOpenProgram()
  const users = {
    noOrg: await createUser(),
    groupMember: await addUserToOrg(group, 'member'),
    groupOwner: group.owner,
    funderOwner: funder.owner,
    funderReviewer: await addUserToOrg(funder, 'reviewer'),
    otherFunderOwner: (await createOrgWithOwner('funder')).owner,
    platformAdmin: await createUser({ admin: true }),
  }
  // The group's draft and a file on it, made through the routes as the browser would.
  const applyRoute = routes.find((r) => r.id === 'routes/programs.$slug.apply')?.module
  const attachRoute = routes.find((r) => r.id === 'routes/applications.$id.attachments')?.module
  if (!applyRoute?.action || !attachRoute?.action) throw new Error('apply/attach routes moved')
  const cookie = await cookieFor(group.owner.id)
  const started = await call(
    applyRoute.action,
    makeRequest(`/programs/${funder.program.slug}/apply`, {
      cookie,
      form: { organization: group.org.slug },
    }),
    { slug: funder.program.slug },
  )
  const applicationId = started.location?.split('/').pop() ?? ''
  const body = new FormData()
  body.set('intent', 'upload')
  body.set('questionId', '')
  body.set('file', new File(['%PDF-1.4 matrix'], 'plan.pdf', { type: 'application/pdf' }))
  await call(
    attachRoute.action,
    new Request('http://localhost/', { method: 'POST', headers: { Cookie: cookie }, body }),
    { id: applicationId },
  )
  const [attachment] = await listAttachments(applicationId)
  if (!attachment) throw new Error('the matrix needs an attachment')
  const invitationToken = await inviteToOrg(funder, 'not-one-of-the-roles@example.test')
  const mailId = await db().transaction((tx) =>
    queueMail(tx, {
      to: 'someone@example.test',
      kind: 'verify-email',
      language: 'en',
      data: { name: 'Someone', path: '/verify-email/matrix' },
      idempotencyKey: 'permission-matrix',
    }),
  )
  // The funder reviewer sits on the panel with one assignment (on another group's application).
  await db()
    .insert(panelMembers)
    .values({ programId: funder.program.id, userId: users.funderReviewer.id, kind: 'staff' })
  const reviewed = await createApplicationRow(funder.program.id)
  const [assignment] = await db()
    .insert(reviewAssignments)
    .values({
      programId: funder.program.id,
      applicationId: reviewed.id,
      reviewerUserId: users.funderReviewer.id,
    })
    .returning({ id: reviewAssignments.id })
  // The group holds a grant from another of the funder's programs.
  const granting = await createOpenProgram({ status: 'in_review' }, funder)
  const [awarded] = await db()
    .insert(applications)
    .values({
      programId: granting.program.id,
      organizationId: group.org.id,
      status: 'awarded',
      title: 'Awarded in the matrix',
      submittedAt: new Date(),
    })
    .returning({ id: applications.id })
  const { grantId } = await db().transaction((tx) =>
    createGrantForAward(tx, {
      applicationId: awarded!.id,
      amountMinor: 5_000_00,
      actorUserId: funder.owner.id,
    }),
  )
  const reportFileId = await reportFileOn(grantId, group.owner.id)
  const volunteer = await saveProfile(
    { id: users.noOrg.id },
    {
      headline: 'Matrix volunteer',
      bio: '',
      skills: [{ skill: 'legal', level: 'expert' }],
      languages: ['en'],
      timeZone: 'UTC',
      placeFips: null,
      travelArea: 'same_county',
      workMode: 'remote',
      hoursPerMonth: 5,
      availability: [],
      paused: false,
    },
  )
  const volunteerRequest = await createRequest({ id: group.owner.id }, group.org, {
    projectType: 'legal_structure_review',
    skill: 'legal',
    minLevel: 'expert',
    title: 'Matrix request',
    goal: 'Goal',
    deliverable: 'Deliverable',
    outOfScope: '',
    hours: 10,
    pointPerson: group.owner.id,
    deadline: null,
    languages: [],
    preferredLanguages: [],
    timeZone: 'UTC',
    groupHours: [],
    grant: null,
    workMode: 'remote',
    placeFips: null,
    touchesPersonalData: false,
    vulnerableInPerson: false,
    backgroundCheckRequired: false,
    intent: 'open',
  })
  if (!volunteerRequest.ok) throw new Error('the matrix needs a volunteer request')
  const engagement = await invite(
    { id: group.owner.id },
    volunteerRequest.id,
    volunteer.id,
    'Matrix invitation',
  )
  if (!engagement.ok) throw new Error('the matrix needs an engagement')
  world = {
    volunteerProfileId: volunteer.id,
    volunteerRequestId: volunteerRequest.id,
    engagementId: engagement.id,
    grantId,
    reportFileId,
    assignmentId: assignment!.id,
    reviewedId: reviewed.id,
    group,
    funder,
    users,
    applicationId,
    attachmentId: attachment.id,
    invitationToken,
    mailId: mailId!,
  }
})

/** The group's report on its grant, with one file, made as the group would. */
async function reportFileOn(grantId: string, userId: string) {
  const [milestone] = await db()
    .select({ id: grantMilestones.id })
    .from(grantMilestones)
    .where(eq(grantMilestones.grantId, grantId))
  const [report] = await db()
    .insert(grantReports)
    .values({ grantId, milestoneId: milestone!.id, body: 'What we did.' })
    .returning({ id: grantReports.id })
  const folder = await mkdtemp(path.join(os.tmpdir(), 'matrix-'))
  const file = path.join(folder, 'photos.pdf')
  await writeFile(file, '%PDF-1.4 matrix report')
  const added = await addReportFile({ id: userId }, grantId, report!.id, {
    fileName: 'photos.pdf',
    file: { path: file, sizeBytes: (await stat(file)).size },
  })
  await rm(folder, { recursive: true })
  const [row] = await db()
    .select({ id: grantReportFiles.id })
    .from(grantReportFiles)
    .where(eq(grantReportFiles.reportId, report!.id))
  if (!added.ok || !row) throw new Error('the matrix needs a report file')
  return row.id
}

const defaultParams = (w: World): Record<string, string> => ({
  slug: w.funder.org.slug,
  fundSlug: w.funder.fund.slug,
  programSlug: w.funder.program.slug,
  id: w.applicationId,
  attachmentId: w.attachmentId,
  token: w.invitationToken,
})

function urlPath(pattern: string, params: Record<string, string>) {
  return `/${pattern.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`)}`
}

/**
 * What a role got, in the matrix's terms: 'login' only for a redirect to the login page that
 * brings the visitor back to the page asked for; any other redirect is its plain 302.
 */
function answerOf(outcome: Outcome, path: string): Answer {
  const backHere = `/login?redirectTo=${encodeURIComponent(path)}`
  if (outcome.status === 302 && outcome.location === backHere) return 'login'
  return outcome.status
}

async function ask(
  route: (typeof routes)[number],
  kind: 'loader' | 'action',
  role: Role,
): Promise<Answer> {
  const handler = route.module[kind]
  const expectation = MATRIX[route.id]
  if (!handler || !expectation) throw new Error(`${route.id} has no ${kind}`)
  const params = { ...defaultParams(world), ...expectation.params?.(world) }
  const cookie = role === 'anonymous' ? undefined : await cookieFor(world.users[role].id)
  const form = kind === 'action' ? (expectation.action?.form ?? {}) : undefined
  const path = urlPath(route.pattern, params)
  return answerOf(await call(handler, makeRequest(path, { cookie, form }), params), path)
}

describe('the route × role permission matrix', () => {
  it('has an answer for every route, handler and role, and no entry for a route that is gone', () => {
    const problems: string[] = []
    for (const route of routes) {
      const expectation = MATRIX[route.id]
      for (const kind of ['loader', 'action'] as const) {
        if (!route.module[kind]) {
          if (expectation?.[kind])
            problems.push(`${route.id} has no ${kind}, but MATRIX expects one`)
          continue
        }
        const answers = kind === 'loader' ? expectation?.loader : expectation?.action?.answers
        if (!answers) {
          problems.push(`${route.id}: its ${kind} has no expected answers in MATRIX`)
          continue
        }
        const missing = ROLES.filter((role) => answers[role] === undefined)
        if (missing.length)
          problems.push(`${route.id}: its ${kind} has no answer for ${missing.join(', ')}`)
      }
    }
    const known = new Set(routes.map((r) => r.id))
    for (const id of Object.keys(MATRIX)) {
      if (!known.has(id)) problems.push(`MATRIX has ${id}, which is not a route of app/routes.ts`)
    }
    expect(problems).toEqual([])
  })

  const handlers = routes.flatMap((route) =>
    (['loader', 'action'] as const)
      .filter((kind) => route.module[kind] && MATRIX[route.id]?.[kind])
      .map((kind) => ({ route, kind })),
  )

  it.each(handlers.map((h) => [`${h.route.id} ${h.kind}`, h] as const))(
    '%s answers each role as the table says',
    async (_name, { route, kind }) => {
      const expectation = MATRIX[route.id]
      const expected = kind === 'loader' ? expectation?.loader : expectation?.action?.answers
      const actual: Partial<Answers> = {}
      for (const role of ROLES) actual[role] = await ask(route, kind, role)
      expect(actual).toEqual(expected)
    },
  )
})
