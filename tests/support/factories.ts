import { randomBytes } from 'node:crypto'
import { db } from '#db/client.server.ts'
import {
  applications,
  funds,
  memberships,
  programs,
  rubricCriteria,
  users,
} from '#db/schema/index.ts'
import type { MembershipRole } from '#app/domain/organizations.ts'
import { hashPassword } from '#app/services/accounts/passwords.server.ts'
import { createOrganization } from '#app/services/organizations/organizations.server.ts'
import { inviteMember } from '#app/services/organizations/invitations.server.ts'
import { startSession } from '#app/services/accounts/sessions.server.ts'
import { commitSessionCookie } from '#app/utils/session.server.ts'
import type { NewOrganizationInput } from '#app/schemas/organization.ts'

export const TEST_PASSWORD = 'correct horse battery staple'

let hashed: Promise<string> | undefined

const unique = () => randomBytes(4).toString('hex')

/** A user with TEST_PASSWORD (hashed once per file: argon2 is deliberately slow). */
export async function createUser(
  overrides: { name?: string; email?: string; admin?: boolean; verified?: boolean } = {},
) {
  hashed ??= hashPassword(TEST_PASSWORD)
  const tag = unique()
  const [user] = await db()
    .insert(users)
    .values({
      name: overrides.name ?? `Test User ${tag}`,
      email: overrides.email ?? `user-${tag}@example.test`,
      passwordHash: await hashed,
      isPlatformAdmin: overrides.admin ?? false,
      // Confirmed, as most accounts are; `verified: false` for one that has not used its link yet.
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    })
    .returning()
  if (!user) throw new Error('createUser failed')
  return user
}

/** The Cookie header value of a fresh session for the user. */
export async function cookieFor(userId: string): Promise<string> {
  const { token, expiresAt } = await startSession(db(), userId, { ip: '127.0.0.1' })
  const setCookie = await commitSessionCookie(token, expiresAt)
  return setCookie.split(';')[0] ?? ''
}

/** A minimal valid profile, as the new-organisation form would submit it. */
export function organizationInput(
  name: string,
  kind: 'community_group' | 'funder' = 'community_group',
): NewOrganizationInput {
  return {
    kind,
    name,
    mission: '',
    location: '',
    leadership: '',
    communitiesServed: '',
    budgetBand: null,
    website: '',
  }
}

export async function createOrgWithOwner(kind: 'community_group' | 'funder' = 'community_group') {
  const owner = await createUser()
  const org = await createOrganization({ id: owner.id }, organizationInput(`Org ${unique()}`, kind))
  return { owner, org }
}

/**
 * A new user who is already a member, written straight to the database (joining by invitation
 * has its own tests).
 */
export async function addUserToOrg(
  { org }: Awaited<ReturnType<typeof createOrgWithOwner>>,
  role: MembershipRole,
) {
  const user = await createUser()
  await db().insert(memberships).values({ organizationId: org.id, userId: user.id, role })
  return user
}

const guidance = (maxScore: number) =>
  Array.from({ length: maxScore }, (_, i) => ({ score: i + 1, guidance: `Level ${i + 1}` }))

/**
 * A fund and an open program with a complete two-criterion rubric, written straight to the
 * database (the funder screens have their own tests).
 */
export async function createOpenProgram(
  overrides: Partial<typeof programs.$inferInsert> = {},
  setup?: Awaited<ReturnType<typeof createOrgWithOwner>>,
) {
  const funder = setup ?? (await createOrgWithOwner('funder'))
  const tag = unique()
  // A day before it closes at the latest: the database refuses a program that closes before it opens.
  const closesAt = overrides.closesAt ?? new Date(Date.now() + 30 * 86_400_000)
  const opensAt = new Date(Math.min(Date.now(), closesAt.getTime()) - 86_400_000)
  const [fund] = await db()
    .insert(funds)
    .values({ organizationId: funder.org.id, name: `Fund ${tag}`, slug: `fund-${tag}` })
    .returning()
  if (!fund) throw new Error('fund insert failed')
  const [program] = await db()
    .insert(programs)
    .values({
      fundId: fund.id,
      slug: `program-${tag}`,
      title: `Program ${tag}`,
      status: 'open',
      opensAt,
      closesAt,
      timeZone: 'America/Chicago',
      budgetMinor: 10_000_000,
      minAwardMinor: 500_000,
      maxAwardMinor: 2_500_000,
      ...overrides,
    })
    .returning()
  if (!program) throw new Error('program insert failed')
  await db()
    .insert(rubricCriteria)
    .values([
      {
        programId: program.id,
        position: 1,
        label: 'Community leadership',
        weight: 60,
        maxScore: 5,
        levels: guidance(5),
        isEquity: true,
      },
      {
        programId: program.id,
        position: 2,
        label: 'Feasibility',
        weight: 40,
        maxScore: 5,
        levels: guidance(5),
      },
    ])
  return { ...funder, fund, program }
}

/**
 * An application of a new community group (one per group and program is the rule), written
 * straight to the database as a submitted one unless `values` says otherwise.
 */
export async function createApplicationRow(
  programId: string,
  values: Partial<typeof applications.$inferInsert> = {},
) {
  const { org } = await createOrgWithOwner('community_group')
  const [application] = await db()
    .insert(applications)
    .values({
      programId,
      organizationId: org.id,
      status: 'submitted',
      title: `Application of ${org.name}`,
      // A draft has not been submitted (the database checks it).
      submittedAt: values.status === 'draft' ? null : new Date(),
      ...values,
    })
    .returning()
  if (!application) throw new Error('application insert failed')
  return application
}

/** A pending invitation sent by the owner; returns the token its link carries. */
export async function inviteToOrg(
  { owner, org }: Awaited<ReturnType<typeof createOrgWithOwner>>,
  email: string,
  role: MembershipRole = 'member',
) {
  const result = await inviteMember({ id: owner.id, role: 'owner' }, org, { email, role })
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.token
}
