import { sql } from 'drizzle-orm'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { hashPassword } from '#app/services/accounts/passwords.server.ts'
import { seedPrograms, DEMO_PROGRAM_SLUG } from './seed-program.server.ts'
import type { Db } from '#db/client.server.ts'
import { memberships, organizations, users, type NewOrganization } from '#db/schema/index.ts'

/** Every demo login shares this password; README lists the accounts. */
export const DEMO_PASSWORD = 'commons-demo-2026'

export const DEMO_USERS = {
  admin: { email: 'admin@example.org', name: 'Ada Okafor', isPlatformAdmin: true },
  officer: { email: 'officer@example.org', name: 'Olivia Reyes' },
  eastside: { email: 'maria@example.org', name: 'María Hernández' },
  northfield: { email: 'james@example.org', name: 'James Whitehorse' },
  volunteer: { email: 'volunteer@example.org', name: 'Sam Lee' },
  donor: { email: 'donor@example.org', name: 'Dana Brooks' },
  westgate: { email: 'tomas@example.org', name: 'Tomás Rivera' },
  reviewer: { email: 'reviewer@example.org', name: 'Ruth Bello' },
  community: { email: 'community@example.org', name: 'Carmen Ortiz' },
} as const

const DEMO_ORGS: (NewOrganization & { owner: keyof typeof DEMO_USERS })[] = [
  {
    owner: 'officer',
    kind: 'funder',
    name: 'Riverbend Community Foundation',
    slug: 'riverbend-community-foundation',
    mission: 'Moving resources to community-led health equity work across the Riverbend region.',
    location: 'Riverbend, OH',
    leadership: 'A board where half the seats are held by grantee-community residents.',
    communitiesServed: 'Low-income neighbourhoods and rural towns of the Riverbend region.',
    budgetBand: '1m_5m',
  },
  {
    owner: 'eastside',
    kind: 'community_group',
    name: 'Eastside Health Collective',
    slug: 'eastside-health-collective',
    mission: 'Community health workers connecting Eastside families to care, food and housing.',
    location: 'Franklin County, OH',
    leadership: 'Founded and led by Latina mothers who live on the Eastside.',
    communitiesServed: 'Spanish-speaking families and recent immigrants on the Eastside.',
    budgetBand: 'under_50k',
  },
  {
    owner: 'northfield',
    kind: 'community_group',
    name: 'Northfield Food Justice Network',
    slug: 'northfield-food-justice-network',
    mission: 'Growing and sharing fresh food where the nearest grocery is twenty miles away.',
    location: 'Northfield, OH',
    leadership: 'Run by a council of local farmers and tribal members.',
    communitiesServed: 'Rural households with low food access, including Native families.',
    budgetBand: '50k_250k',
  },
  {
    owner: 'westgate',
    kind: 'community_group',
    name: 'Westgate Tenants Union',
    slug: 'westgate-tenants-union',
    mission: 'Tenants organising for safe, healthy and affordable homes in Westgate.',
    location: 'Cuyahoga County, OH',
    leadership: 'Elected by and from the tenants of Westgate’s apartment blocks.',
    communitiesServed: 'Renters in Westgate, many of them older adults and families with children.',
    budgetBand: 'under_50k',
  },
]

/** True when the database has no users yet, i.e. it has never been used. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users)
  return (row?.n ?? 0) === 0
}

/** Demo accounts and organisations, for trying the app on a fresh machine. */
export async function seedDemoData(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction(async (tx) => {
    const ids = {} as Record<keyof typeof DEMO_USERS, string>
    const orgIds: Record<string, string> = {}
    for (const [key, u] of Object.entries(DEMO_USERS) as [
      keyof typeof DEMO_USERS,
      (typeof DEMO_USERS)[keyof typeof DEMO_USERS],
    ][]) {
      const [row] = await tx
        .insert(users)
        .values({ ...u, passwordHash, emailVerifiedAt: new Date() })
        .returning({ id: users.id })
      if (!row) throw new Error(`Could not seed ${u.email}`)
      ids[key] = row.id
    }
    for (const { owner, ...org } of DEMO_ORGS) {
      const [row] = await tx.insert(organizations).values(org).returning({ id: organizations.id })
      if (!row) throw new Error(`Could not seed ${org.name}`)
      await tx
        .insert(memberships)
        .values({ organizationId: row.id, userId: ids[owner], role: 'owner' })
      orgIds[org.slug] = row.id
    }
    // A staff reviewer at the funder (the community reviewer belongs to no organisation).
    await tx.insert(memberships).values({
      organizationId: orgIds['riverbend-community-foundation'] ?? '',
      userId: ids.reviewer,
      role: 'reviewer',
    })
    await seedPrograms(tx, orgIds, ids)
    await recordAudit(tx, {
      actorUserId: null,
      action: 'database.seeded',
      entityType: 'database',
      entityId: 'demo',
      details: {
        users: Object.keys(DEMO_USERS).length,
        organizations: DEMO_ORGS.length,
        program: DEMO_PROGRAM_SLUG,
      },
    })
  })
}
