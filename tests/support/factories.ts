import { randomBytes } from 'node:crypto'
import { db } from '#db/client.server.ts'
import { users, type MembershipRole } from '#db/schema/index.ts'
import { hashPassword } from '#app/services/passwords.server.ts'
import { addMember, createOrganization } from '#app/services/organizations.server.ts'
import { startSession } from '#app/services/sessions.server.ts'
import { commitSessionCookie } from '#app/utils/session.server.ts'
import type { NewOrganizationInput } from '#app/schemas/organization.ts'

export const TEST_PASSWORD = 'correct horse battery staple'

let hashed: Promise<string> | undefined

const unique = () => randomBytes(4).toString('hex')

/** A user with TEST_PASSWORD (hashed once per file: argon2 is deliberately slow). */
export async function createUser(
  overrides: { name?: string; email?: string; admin?: boolean } = {},
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

export async function addUserToOrg(
  { owner, org }: Awaited<ReturnType<typeof createOrgWithOwner>>,
  role: MembershipRole,
) {
  const user = await createUser()
  const result = await addMember({ id: owner.id, role: 'owner' }, org, { email: user.email, role })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return user
}
