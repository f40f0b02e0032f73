import { and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import {
  invitations,
  memberships,
  organizations,
  users,
  type Invitation,
  type Organization,
} from '#db/schema/index.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import type { MembershipRole } from '#app/domain/organizations.ts'
import type { AddMemberInput } from '#app/schemas/organization.ts'
import { INVITATION_DAYS } from '#app/schemas/invitation.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { fail, type Actor, type Failure } from '#app/domain/result.ts'
import { lockOrganization, MANAGER_ROLES } from './organizations.server.ts'
import { newSecretToken, tokenDigest } from '#app/services/accounts/secret-tokens.server.ts'
import { notifyInvited } from '#app/services/notifications/notification-events.server.ts'

type Manager = Actor & { role: MembershipRole }

const DAY_MS = 86_400_000

const pending = and(
  isNull(invitations.acceptedAt),
  isNull(invitations.revokedAt),
  isNull(invitations.declinedAt),
)

function refuseUnlessManager(actor: Manager, role: MembershipRole): Failure | null {
  if (!MANAGER_ROLES.includes(actor.role)) {
    return fail({ message: 'organizations:refusals.inviteOnlyByManager' })
  }
  if (role === 'owner' && actor.role !== 'owner') {
    return fail({ fieldErrors: { role: 'organizations:refusals.ownerInviteOnlyByOwner' } })
  }
  return null
}

/**
 * Invites someone by email. Nobody becomes a member without saying yes: a person with an account
 * sees the invitation on their dashboard, anyone can open its link (the token is returned this
 * once). The answer reads the same whether or not the email has an account, so managers cannot
 * use it to find out who is registered.
 */
export async function inviteMember(
  actor: Manager,
  org: Organization,
  input: AddMemberInput,
): Promise<Failure | { ok: true; token: string }> {
  const refused = refuseUnlessManager(actor, input.role)
  if (refused) return refused
  const email = input.email.trim().toLowerCase()
  const [member] = await db()
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, org.id), eq(users.email, email)))
    .limit(1)
  if (member)
    return fail({
      fieldErrors: {
        email: { key: 'organizations:refusals.alreadyMember', values: { name: member.name } },
      },
    })
  const token = await createInvitation(actor, org, email, input.role)
  return { ok: true, token }
}

/** A new pending invitation; an earlier pending one for the same email is revoked (replaced). */
async function createInvitation(
  actor: Manager,
  org: Organization,
  email: string,
  role: MembershipRole,
) {
  const token = newSecretToken()
  await db().transaction(async (tx) => {
    await lockOrganization(tx, org.id)
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.organizationId, org.id), eq(invitations.email, email), pending))
      .returning({ id: invitations.id })
    for (const old of replaced) {
      await auditInvitation(tx, actor, org, 'invitation.revoked', old.id, { email, replaced: true })
    }
    const [created] = await tx
      .insert(invitations)
      .values({
        organizationId: org.id,
        email,
        role,
        invitedByUserId: actor.id,
        tokenHash: tokenDigest(token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS),
      })
      .returning({ id: invitations.id })
    if (!created) throw new Error('Invitation insert returned nothing')
    await auditInvitation(tx, actor, org, 'membership.invited', created.id, { email, role })
    await notifyInvited(tx, { id: created.id, email, token }, org, actor.id)
  })
  return token
}

function auditInvitation(
  tx: Db,
  actor: Actor,
  org: Pick<Organization, 'id'>,
  action: AuditAction,
  invitationId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorUserId: actor.id,
    action,
    entityType: 'invitation',
    entityId: invitationId,
    organizationId: org.id,
    ip: actor.ip,
    details,
  })
}

/** Pending invitations that have not expired, oldest first, with who sent them. */
export async function listPendingInvitations(organizationId: string) {
  return db()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      invitedBy: users.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        pending,
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invitations.createdAt))
    .limit(500)
}

export async function revokeInvitation(
  actor: Manager,
  org: Organization,
  invitationId: string,
): Promise<Failure | { ok: true }> {
  if (!MANAGER_ROLES.includes(actor.role)) {
    return fail({ message: 'organizations:refusals.revokeOnlyByManager' })
  }
  return db().transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, org.id), pending))
      .for('update')
    if (!target) return fail({ message: 'organizations:refusals.notPending' })
    if (target.role === 'owner' && actor.role !== 'owner') {
      return fail({ message: 'organizations:refusals.revokeOwnerOnlyByOwner' })
    }
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, target.id))
    await auditInvitation(tx, actor, org, 'invitation.revoked', target.id, { email: target.email })
    return { ok: true as const }
  })
}

export type InvitationState = 'pending' | 'expired' | 'revoked' | 'accepted' | 'declined'

function stateOf(invitation: Invitation, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return 'accepted'
  if (invitation.declinedAt) return 'declined'
  if (invitation.revokedAt) return 'revoked'
  if (invitation.expiresAt <= now) return 'expired'
  return 'pending'
}

/** Why an invitation can no longer be answered: translation keys, shown in the reader's language. */
export const INVITATION_REFUSALS: Record<
  Exclude<InvitationState, 'pending'> | 'unverified',
  string
> = {
  unverified: 'organizations:invitation.refusals.unverified',
  expired: 'organizations:invitation.refusals.expired',
  revoked: 'organizations:invitation.refusals.revoked',
  accepted: 'organizations:invitation.refusals.accepted',
  declined: 'organizations:invitation.refusals.declined',
}

/** The invitation behind a link, with its organisation and state; null for an unknown token. */
export async function findInvitationByToken(token: string) {
  const [row] = await db()
    .select({ invitation: invitations, organization: organizations, invitedBy: users.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, tokenDigest(token)))
    .limit(1)
  return row ? { ...row, state: stateOf(row.invitation) } : null
}

/** Pending, unexpired invitations addressed to this email, for the person's dashboard. */
export async function listInvitationsFor(email: string) {
  return db()
    .select({
      id: invitations.id,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      organizationName: organizations.name,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.email, email.trim().toLowerCase()),
        pending,
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invitations.createdAt))
    .limit(50)
}

type Invitee = { id: string; email: string; ip?: string | null }
type AnswerRefusal = Failure<{
  reason: 'unknown' | 'wrong-email' | 'unverified' | Exclude<InvitationState, 'pending'>
}>

type Declined = { ok: true; declined: Organization }
type Accepted = {
  ok: true
  organization: Organization
  role: MembershipRole
  alreadyMember: boolean
}

/**
 * Joins the invitation's organisation as the signed-in user, whose email must be the invited
 * one. Someone who is already a member keeps their role; the invitation is used up either way.
 */
export function acceptInvitation(user: Invitee, token: string): Promise<AnswerRefusal | Accepted> {
  return answer(user, eq(invitations.tokenHash, tokenDigest(token)), 'accept')
}

/**
 * Accepts or declines an invitation from the dashboard, by id. An invitation addressed to someone
 * else reads as unknown: its id alone must not confirm that it exists.
 */
export async function answerInvitation(
  user: Invitee,
  invitationId: string,
  reply: 'accept' | 'decline',
): Promise<AnswerRefusal | Accepted | Declined> {
  const result = await answer(user, eq(invitations.id, invitationId), reply)
  return !result.ok && result.reason === 'wrong-email' ? fail({ reason: 'unknown' }) : result
}

function answer(user: Invitee, which: SQL, reply: 'accept'): Promise<AnswerRefusal | Accepted>
function answer(
  user: Invitee,
  which: SQL,
  reply: 'accept' | 'decline',
): Promise<AnswerRefusal | Accepted | Declined>
async function answer(
  user: Invitee,
  which: SQL,
  reply: 'accept' | 'decline',
): Promise<AnswerRefusal | Accepted | Declined> {
  return db().transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(which).for('update')
    if (!invitation) return fail({ reason: 'unknown' })
    if (invitation.email !== user.email.trim().toLowerCase()) return fail({ reason: 'wrong-email' })
    const state = stateOf(invitation)
    if (state !== 'pending') return fail({ reason: state })
    const [organization] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, invitation.organizationId))
    if (!organization) return fail({ reason: 'unknown' })
    if (reply === 'accept') {
      const [account] = await tx
        .select({ verifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(eq(users.id, user.id))
      // An address nobody has proved to own must not be granted an organisation's access.
      if (!account?.verifiedAt) return fail({ reason: 'unverified', status: 403 })
    }
    if (reply === 'decline') {
      await tx
        .update(invitations)
        .set({ declinedAt: new Date() })
        .where(eq(invitations.id, invitation.id))
      await auditInvitation(tx, user, organization, 'membership.declined', invitation.id, {
        userId: user.id,
        role: invitation.role,
      })
      return { ok: true as const, declined: organization }
    }
    return join(tx, user, invitation, organization)
  })
}

async function join(tx: Db, user: Invitee, invitation: Invitation, organization: Organization) {
  const [added] = await tx
    .insert(memberships)
    .values({ organizationId: organization.id, userId: user.id, role: invitation.role })
    .onConflictDoNothing()
    .returning()
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedByUserId: user.id })
    .where(eq(invitations.id, invitation.id))
  await auditInvitation(tx, user, organization, 'membership.accepted', invitation.id, {
    userId: user.id,
    email: invitation.email,
    role: invitation.role,
    alreadyMember: !added,
  })
  const [membership] = added
    ? [added]
    : await tx
        .select()
        .from(memberships)
        .where(
          and(eq(memberships.organizationId, organization.id), eq(memberships.userId, user.id)),
        )
  return {
    ok: true as const,
    organization,
    role: membership?.role ?? invitation.role,
    alreadyMember: !added,
  }
}
