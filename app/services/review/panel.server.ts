import { and, asc, eq, gt, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import {
  funds,
  memberships,
  organizations,
  panelInvitations,
  panelMembers,
  programs,
  reviewAssignments,
  reviewerTies,
  users,
  type Organization,
  type Program,
} from '#db/schema/index.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import {
  PANEL_INVITATION_DAYS,
  UNSTARTED_STATES,
  type ReviewerKind,
} from '#app/domain/review/review-states.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { newSecretToken, tokenDigest } from '#app/services/accounts/secret-tokens.server.ts'
import { notifyPanelInvited } from '#app/services/notifications/notification-events.server.ts'
import { lockProgram } from '#app/services/programs/programs.server.ts'

/** A program officer acting on their funder's program. */
export type OfficerActor = Actor & { organizationId: string }

const DAY_MS = 86_400_000

/** Funder roles that may sit on a panel as staff: reviewers, and officers who choose to review. */
export const STAFF_PANEL_ROLES = ['owner', 'admin', 'reviewer'] as const

function auditPanel(
  tx: Db,
  actor: Actor,
  organizationId: string,
  action: AuditAction,
  entityId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorUserId: actor.id,
    action,
    entityType: action.split('.')[0] ?? 'panel',
    entityId,
    organizationId,
    ip: actor.ip,
    details,
  })
}

/**
 * The program's panel: its members with their kind and, for staff, whether they still belong to
 * the funder (someone removed from the funder stays listed, but is no longer assigned work).
 */
export async function listPanel(program: Pick<Program, 'id'>, funderId: string) {
  return db()
    .select({
      id: panelMembers.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      kind: panelMembers.kind,
      role: memberships.role,
      load: sql<number>`(SELECT count(*)::int FROM ${reviewAssignments}
        WHERE ${reviewAssignments.programId} = ${panelMembers.programId}
          AND ${reviewAssignments.reviewerUserId} = ${panelMembers.userId}
          AND ${reviewAssignments.state} <> 'conflict')`,
    })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, panelMembers.userId), eq(memberships.organizationId, funderId)),
    )
    .where(eq(panelMembers.programId, program.id))
    .orderBy(asc(panelMembers.kind), asc(users.name))
    .limit(1000)
}

/** Members of the funder who could join the panel as staff and are not on it yet. */
export async function listStaffCandidates(programId: string, funderId: string) {
  const onPanel = db()
    .select({ userId: panelMembers.userId })
    .from(panelMembers)
    .where(eq(panelMembers.programId, programId))
  return db()
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, funderId),
        inArray(memberships.role, [...STAFF_PANEL_ROLES]),
        notInArray(memberships.userId, onPanel),
      ),
    )
    .orderBy(asc(users.name))
    .limit(500)
}

/** Pending, unexpired panel invitations of the program. */
export async function listPanelInvitations(programId: string) {
  return db()
    .select({
      id: panelInvitations.id,
      email: panelInvitations.email,
      expiresAt: panelInvitations.expiresAt,
    })
    .from(panelInvitations)
    .where(
      and(
        eq(panelInvitations.programId, programId),
        isNull(panelInvitations.acceptedAt),
        isNull(panelInvitations.revokedAt),
        gt(panelInvitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(panelInvitations.createdAt))
    .limit(500)
}

async function insertPanelMember(
  tx: Db,
  actor: Actor,
  program: Pick<Program, 'id'>,
  funderId: string,
  userId: string,
  kind: ReviewerKind,
) {
  const [added] = await tx
    .insert(panelMembers)
    .values({ programId: program.id, userId, kind, addedByUserId: actor.id })
    .onConflictDoNothing()
    .returning({ id: panelMembers.id })
  if (added) {
    await auditPanel(tx, actor, funderId, 'panel_member.added', added.id, {
      programId: program.id,
      userId,
      kind,
    })
  }
  return added ?? null
}

/** Puts a member of the funder (reviewer, admin or owner) on the program's panel. */
export async function addStaffReviewer(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  userId: string,
): Promise<Result> {
  const [member] = await db()
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, actor.organizationId),
        eq(memberships.userId, userId),
        inArray(memberships.role, [...STAFF_PANEL_ROLES]),
      ),
    )
  if (!member) return fail({ fieldErrors: { userId: 'review:refusals.notStaffCandidate' } })
  const added = await db().transaction((tx) =>
    insertPanelMember(tx, actor, program, actor.organizationId, userId, 'staff'),
  )
  if (!added) return fail({ fieldErrors: { userId: 'review:refusals.alreadyOnPanel' } })
  return { ok: true }
}

/**
 * Invites a community reviewer by email onto this program's panel only (no membership in the
 * funder). A pending invitation for the same email is replaced. The token is returned this once.
 */
export async function invitePanelMember(
  actor: OfficerActor,
  program: Pick<Program, 'id' | 'title' | 'contentLanguage' | 'titleTranslation'>,
  funder: Pick<Organization, 'name'>,
  rawEmail: string,
): Promise<Result<{ token: string }>> {
  const email = rawEmail.trim().toLowerCase()
  const [already] = await db()
    .select({ id: panelMembers.id })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(and(eq(panelMembers.programId, program.id), eq(users.email, email)))
  if (already) return fail({ fieldErrors: { email: 'review:refusals.alreadyOnPanel' } })
  const token = newSecretToken()
  await db().transaction(async (tx) => {
    await lockProgram(tx, program.id)
    await tx
      .update(panelInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(panelInvitations.programId, program.id),
          eq(panelInvitations.email, email),
          isNull(panelInvitations.acceptedAt),
          isNull(panelInvitations.revokedAt),
        ),
      )
    const [created] = await tx
      .insert(panelInvitations)
      .values({
        programId: program.id,
        email,
        invitedByUserId: actor.id,
        tokenHash: tokenDigest(token),
        expiresAt: new Date(Date.now() + PANEL_INVITATION_DAYS * DAY_MS),
      })
      .returning({ id: panelInvitations.id })
    if (!created) throw new Error('Panel invitation insert returned nothing')
    await auditPanel(tx, actor, actor.organizationId, 'panel_invitation.created', created.id, {
      programId: program.id,
      email,
    })
    await notifyPanelInvited(tx, { id: created.id, email, token }, program, funder, actor.id)
  })
  return { ok: true, token }
}

/** The invitation behind a link with its program and funder; null for an unknown token. */
export async function findPanelInvitation(token: string) {
  const [row] = await db()
    .select({
      invitation: panelInvitations,
      program: programs,
      funderName: organizations.name,
      funderId: organizations.id,
    })
    .from(panelInvitations)
    .innerJoin(programs, eq(programs.id, panelInvitations.programId))
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .innerJoin(organizations, eq(organizations.id, funds.organizationId))
    .where(eq(panelInvitations.tokenHash, tokenDigest(token)))
    .limit(1)
  if (!row) return null
  const { invitation } = row
  const state = invitation.acceptedAt
    ? ('accepted' as const)
    : invitation.revokedAt
      ? ('revoked' as const)
      : invitation.expiresAt <= new Date()
        ? ('expired' as const)
        : ('pending' as const)
  return { ...row, state }
}

type Invitee = { id: string; email: string; ip?: string | null }

/**
 * Joins the program's panel as a community reviewer, signed in with the invited (and confirmed)
 * email. Someone already on the panel keeps their place; the invitation is used up either way.
 */
export async function acceptPanelInvitation(
  user: Invitee,
  token: string,
): Promise<
  Result<
    { programId: string },
    { reason: 'unknown' | 'wrong-email' | 'unverified' | 'accepted' | 'revoked' | 'expired' }
  >
> {
  const found = await findPanelInvitation(token)
  if (!found) return fail({ reason: 'unknown' as const, status: 404 })
  if (found.invitation.email !== user.email.trim().toLowerCase())
    return fail({ reason: 'wrong-email' as const, status: 403 })
  if (found.state !== 'pending') return fail({ reason: found.state, status: 410 })
  const [account] = await db()
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, user.id))
  if (!account?.verifiedAt) return fail({ reason: 'unverified' as const, status: 403 })
  return db().transaction(async (tx) => {
    const [used] = await tx
      .update(panelInvitations)
      .set({ acceptedAt: new Date(), acceptedByUserId: user.id })
      .where(
        and(
          eq(panelInvitations.id, found.invitation.id),
          isNull(panelInvitations.acceptedAt),
          isNull(panelInvitations.revokedAt),
        ),
      )
      .returning({ id: panelInvitations.id })
    if (!used) return fail({ reason: 'accepted' as const, status: 410 })
    await insertPanelMember(tx, user, found.program, found.funderId, user.id, 'community')
    await auditPanel(tx, user, found.funderId, 'panel_invitation.accepted', used.id, {
      programId: found.program.id,
    })
    return { ok: true as const, programId: found.program.id }
  })
}

/**
 * Takes someone off the panel. Their assignments not yet started go (the next "Assign
 * reviewers" fills the gaps); scored ones stay, with their scores.
 */
export async function removePanelMember(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  panelMemberId: string,
): Promise<Result<{ released: number }>> {
  return db().transaction(async (tx) => {
    await lockProgram(tx, program.id)
    const [removed] = await tx
      .delete(panelMembers)
      .where(and(eq(panelMembers.id, panelMemberId), eq(panelMembers.programId, program.id)))
      .returning({ userId: panelMembers.userId, kind: panelMembers.kind })
    if (!removed) return fail({ message: 'review:refusals.notOnPanel', status: 404 })
    const released = await tx
      .delete(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.programId, program.id),
          eq(reviewAssignments.reviewerUserId, removed.userId),
          inArray(reviewAssignments.state, [...UNSTARTED_STATES]),
        ),
      )
      .returning({ id: reviewAssignments.id })
    await auditPanel(tx, actor, actor.organizationId, 'panel_member.removed', panelMemberId, {
      programId: program.id,
      userId: removed.userId,
      kind: removed.kind,
      released: released.length,
    })
    return { ok: true as const, released: released.length }
  })
}

/**
 * Revokes a pending invitation onto the program's panel: its link then says it is no longer
 * valid (`acceptPanelInvitation` answers 'revoked'). An accepted, expired or already revoked
 * one, or another program's, is not found.
 */
export async function revokePanelInvitation(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  invitationId: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const [revoked] = await tx
      .update(panelInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(panelInvitations.id, invitationId),
          eq(panelInvitations.programId, program.id),
          isNull(panelInvitations.acceptedAt),
          isNull(panelInvitations.revokedAt),
        ),
      )
      .returning({ id: panelInvitations.id, email: panelInvitations.email })
    if (!revoked) return fail({ message: 'review:refusals.noSuchInvitation', status: 404 })
    await auditPanel(tx, actor, actor.organizationId, 'panel_invitation.revoked', revoked.id, {
      programId: program.id,
      email: revoked.email,
    })
    return { ok: true as const }
  })
}

/** The program's panel membership of this person, or null: every reviewer page starts here. */
export async function findPanelSeat(programId: string, userId: string) {
  const [seat] = await db()
    .select({ kind: panelMembers.kind })
    .from(panelMembers)
    .where(and(eq(panelMembers.programId, programId), eq(panelMembers.userId, userId)))
  return seat ?? null
}

/** Organisations the person said they are tied to. */
export async function listTies(userId: string) {
  return db()
    .select({ organizationId: organizations.id, name: organizations.name })
    .from(reviewerTies)
    .innerJoin(organizations, eq(organizations.id, reviewerTies.organizationId))
    .where(eq(reviewerTies.userId, userId))
    .orderBy(asc(organizations.name))
    .limit(500)
}

/** Organisations a reviewer may name as ties: the community groups, by name. */
export async function listTieChoices() {
  return db()
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.kind, 'community_group'))
    .orderBy(asc(organizations.name))
    .limit(2000)
}

export async function addTie(actor: Actor, organizationId: string): Promise<Result> {
  const [organization] = await db()
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
  if (!organization) return fail({ fieldErrors: { organizationId: 'review:refusals.noSuchGroup' } })
  await db().transaction(async (tx) => {
    const [added] = await tx
      .insert(reviewerTies)
      .values({ userId: actor.id, organizationId })
      .onConflictDoNothing()
      .returning({ organizationId: reviewerTies.organizationId })
    if (added) {
      await auditPanel(tx, actor, organizationId, 'reviewer_tie.added', actor.id, {
        organizationId,
      })
    }
  })
  return { ok: true }
}

export async function removeTie(actor: Actor, organizationId: string): Promise<Result> {
  await db().transaction(async (tx) => {
    const [removed] = await tx
      .delete(reviewerTies)
      .where(
        and(eq(reviewerTies.userId, actor.id), eq(reviewerTies.organizationId, organizationId)),
      )
      .returning({ organizationId: reviewerTies.organizationId })
    if (removed) {
      await auditPanel(tx, actor, organizationId, 'reviewer_tie.removed', actor.id, {
        organizationId,
      })
    }
  })
  return { ok: true }
}
