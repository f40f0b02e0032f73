import { and, asc, eq, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import { memberships, organizations, users, type Organization } from '#db/schema/index.ts'
import type { MembershipRole } from '#app/domain/organizations.ts'
import type {
  NewOrganizationInput,
  OrganizationProfileInput,
  OrganizationReceiptInput,
} from '#app/schemas/organization.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { retryOnSlugClash, uniqueSlugIn } from '#app/services/slugs.server.ts'

/** Roles that may edit the profile and manage members. Reviewers only see what they review. */
export const MANAGER_ROLES: MembershipRole[] = ['owner', 'admin']

/** Creates the organisation with its creator as owner. */
export async function createOrganization(actor: Actor, input: NewOrganizationInput) {
  return retryOnSlugClash(() => insertOrganization(actor, input))
}

function insertOrganization(actor: Actor, input: NewOrganizationInput) {
  return db().transaction(async (tx) => {
    const slug = await uniqueSlugIn(
      tx,
      organizations,
      organizations.slug,
      input.name,
      'organization',
    )
    const [org] = await tx
      .insert(organizations)
      .values({ ...input, slug })
      .returning()
    if (!org) throw new Error('Organisation insert returned nothing')
    await tx.insert(memberships).values({ organizationId: org.id, userId: actor.id, role: 'owner' })
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'organization.created',
      entityType: 'organization',
      entityId: org.id,
      organizationId: org.id,
      ip: actor.ip,
      details: { name: org.name, kind: org.kind },
    })
    return org
  })
}

const PROFILE_FIELDS = [
  'name',
  'mission',
  'location',
  'leadership',
  'communitiesServed',
  'budgetBand',
  'website',
] as const

/** Saves the named fields that changed, with one audit row naming them. */
async function saveOrganizationFields<F extends keyof Organization>(
  actor: Actor,
  org: Organization,
  input: Partial<Pick<Organization, F>>,
  fields: readonly F[],
) {
  const changed = fields.filter((f) => (org[f] ?? null) !== (input[f] ?? null))
  if (changed.length === 0) return org
  return db().transaction(async (tx) => {
    const [updated] = await tx
      .update(organizations)
      .set(input)
      .where(eq(organizations.id, org.id))
      .returning()
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: org.id,
      organizationId: org.id,
      ip: actor.ip,
      details: { changed },
    })
    return updated ?? org
  })
}

export function updateOrganizationProfile(
  actor: Actor,
  org: Organization,
  input: OrganizationProfileInput,
) {
  return saveOrganizationFields(actor, org, input, PROFILE_FIELDS)
}

const RECEIPT_FIELDS = ['legalName', 'registrationNumber'] as const

/**
 * The legal name and registration number receipts name (docs/decisions/027-pdf-receipts.md).
 * What a donor's receipt says is the owners' word, so the route lets owners only call this.
 */
export function updateOrganizationReceiptDetails(
  actor: Actor,
  org: Organization,
  input: OrganizationReceiptInput,
) {
  return saveOrganizationFields(actor, org, input, RECEIPT_FIELDS)
}

const organizationBySlugQuery = preparedQuery('organization_by_slug', (db, name) =>
  db
    .select()
    .from(organizations)
    .where(eq(organizations.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare(name),
)

export async function findOrganizationBySlug(slug: string) {
  const [org] = await organizationBySlugQuery().execute({ slug })
  return org ?? null
}

export async function findOrganizationById(id: string) {
  const [org] = await db().select().from(organizations).where(eq(organizations.id, id)).limit(1)
  return org ?? null
}

const membershipQuery = preparedQuery('membership', (db, name) =>
  db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, sql.placeholder('organizationId')),
        eq(memberships.userId, sql.placeholder('userId')),
      ),
    )
    .limit(1)
    .prepare(name),
)

export async function findMembership(organizationId: string, userId: string) {
  const [m] = await membershipQuery().execute({ organizationId, userId })
  return m ?? null
}

/**
 * The organisation with this slug and the user's role in it (null when not a member): what every
 * organisation page checks first, in one prepared statement rather than two lookups in a row.
 */
const organizationForMemberQuery = preparedQuery('organization_for_member', (db, name) =>
  db
    .select({ organization: organizations, role: memberships.role })
    .from(organizations)
    .leftJoin(
      memberships,
      and(
        eq(memberships.organizationId, organizations.id),
        eq(memberships.userId, sql.placeholder('userId')),
      ),
    )
    .where(eq(organizations.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare(name),
)

export async function findOrganizationForMember(slug: string, userId: string) {
  const [found] = await organizationForMemberQuery().execute({ slug, userId })
  return found ?? null
}

/** The user's organisations, for navigation and the switcher. */
const userOrganizationsQuery = preparedQuery('user_organizations', (db, name) =>
  db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      kind: organizations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, sql.placeholder('userId')))
    .orderBy(asc(organizations.name))
    .limit(200)
    .prepare(name),
)

export async function listUserOrganizations(userId: string) {
  return userOrganizationsQuery().execute({ userId })
}

export async function listMembers(organizationId: string) {
  return db()
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name))
    .limit(500)
}

async function ownerCount(tx: Db, organizationId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')))
  return row?.n ?? 0
}

/**
 * Locks the organisation's row so that changes to who belongs to it (the "last owner" check, one
 * pending invitation per email) happen one at a time.
 */
export async function lockOrganization(tx: Db, organizationId: string) {
  await tx.execute(
    sql`SELECT 1 FROM ${organizations} WHERE ${organizations.id} = ${organizationId} FOR UPDATE`,
  )
}

export async function changeMemberRole(
  actor: Actor & { role: MembershipRole },
  org: Organization,
  userId: string,
  role: MembershipRole,
): Promise<Result> {
  return db().transaction(async (tx) => {
    await lockOrganization(tx, org.id)
    const target = await memberIn(tx, org.id, userId)
    if (!target) return fail({ message: 'organizations:refusals.notAMember' })
    if ((target.role === 'owner' || role === 'owner') && actor.role !== 'owner') {
      return fail({ message: 'organizations:refusals.ownerRoleOnlyByOwner' })
    }
    if (target.role === 'owner' && role !== 'owner' && (await ownerCount(tx, org.id)) <= 1) {
      return fail({ message: 'organizations:refusals.lastOwner' })
    }
    if (target.role === role) return { ok: true as const }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, userId)))
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'membership.role_changed',
      entityType: 'membership',
      entityId: `${org.id}:${userId}`,
      organizationId: org.id,
      ip: actor.ip,
      details: { userId, from: target.role, to: role },
    })
    return { ok: true as const }
  })
}

async function memberIn(tx: Db, organizationId: string, userId: string) {
  const [m] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
  return m ?? null
}

/**
 * Removes a member (or, when actor and member are the same person, leaves). The last owner can
 * do neither: an organisation is never left without someone who can manage it.
 */
export async function removeMember(
  actor: Actor & { role: MembershipRole },
  org: Organization,
  userId: string,
): Promise<Result> {
  const leaving = actor.id === userId
  return db().transaction(async (tx) => {
    await lockOrganization(tx, org.id)
    const target = await memberIn(tx, org.id, userId)
    if (!target) return fail({ message: 'organizations:refusals.notAMember' })
    if (!leaving && !MANAGER_ROLES.includes(actor.role)) {
      return fail({ message: 'organizations:refusals.removeOnlyByManager' })
    }
    if (!leaving && target.role === 'owner' && actor.role !== 'owner') {
      return fail({ message: 'organizations:refusals.removeOwnerOnlyByOwner' })
    }
    if (target.role === 'owner' && (await ownerCount(tx, org.id)) <= 1) {
      return fail({
        message: leaving
          ? 'organizations:refusals.onlyOwnerLeaving'
          : 'organizations:refusals.lastOwner',
      })
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, userId)))
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: leaving ? 'membership.left' : 'membership.removed',
      entityType: 'membership',
      entityId: `${org.id}:${userId}`,
      organizationId: org.id,
      ip: actor.ip,
      details: { userId, role: target.role },
    })
    return { ok: true as const }
  })
}
