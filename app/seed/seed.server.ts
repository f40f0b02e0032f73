import { sql } from 'drizzle-orm'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { hashPassword } from '#app/services/accounts/passwords.server.ts'
import { seedPrograms, DEMO_PROGRAM_SLUG } from './seed-program.server.ts'
import { seedDonorGifts } from './seed-gifts.server.ts'
import { seedVolunteers } from './seed-volunteers.server.ts'
import { seedEngagements } from './seed-engagements.server.ts'
import { suggestMatchesNow } from '#app/services/volunteers/suggestion-batch.server.ts'
import { currentDatabase, setDatabase, type Database, type Db } from '#db/client.server.ts'
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
  kofi: { email: 'kofi@example.org', name: 'Kofi Mensah' },
  priya: { email: 'priya@example.org', name: 'Priya Natarajan' },
  scioto: { email: 'leah@example.org', name: 'Leah Carter' },
  lorain: { email: 'marcus@example.org', name: 'Marcus Bell' },
  dayton: { email: 'ben@example.org', name: 'Ben Adeyemi' },
  toledo: { email: 'amina@example.org', name: 'Amina Yusuf' },
  akron: { email: 'dolores@example.org', name: 'Dolores Pike' },
} as const

/** The funder's staff reviewers (members with the reviewer role; Carmen is a community reviewer). */
const STAFF_REVIEWERS = ['reviewer', 'kofi', 'priya'] as const

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
    // What the demo fund's donation receipts name as the recipient.
    legalName: 'Riverbend Community Foundation, Inc.',
    registrationNumber: '31-1234567',
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
  {
    owner: 'scioto',
    kind: 'community_group',
    name: 'Scioto Valley Recovery Alliance',
    slug: 'scioto-valley-recovery-alliance',
    mission: 'People in recovery walking beside neighbours on the way out of addiction.',
    location: 'Portsmouth, OH',
    leadership: 'Founded by people in long-term recovery and their families.',
    communitiesServed: 'People leaving jail or treatment in Scioto County, and their families.',
    budgetBand: '50k_250k',
  },
  {
    owner: 'lorain',
    kind: 'community_group',
    name: 'Lorain Youth Bike Co-op',
    slug: 'lorain-youth-bike-co-op',
    mission: 'Teenagers fixing bikes, earning them, and riding safely to school.',
    location: 'Lorain, OH',
    leadership: 'Two mechanics and a school counsellor, with two youth members on the board.',
    communitiesServed: 'Middle and high school students on Lorain’s south side.',
    budgetBand: '50k_250k',
  },
  {
    owner: 'dayton',
    kind: 'community_group',
    name: 'Dayton Deaf Community Center',
    slug: 'dayton-deaf-community-center',
    mission: 'A home for Deaf and hard-of-hearing people in the Miami Valley, run by Deaf people.',
    location: 'Dayton, OH',
    leadership: 'A Deaf-led board; most of the staff are Deaf or hard of hearing.',
    communitiesServed: 'Deaf and hard-of-hearing adults in Montgomery County.',
    budgetBand: '250k_1m',
  },
  {
    owner: 'toledo',
    kind: 'community_group',
    name: 'Toledo Refugee Wellness Partnership',
    slug: 'toledo-refugee-wellness-partnership',
    mission: 'Helping newly arrived families heal and settle, in their own languages.',
    location: 'Toledo, OH',
    leadership: 'A resettlement agency with three community associations of resettled families.',
    communitiesServed: 'Refugee families resettled in Lucas County in the last three years.',
    budgetBand: '250k_1m',
  },
  {
    owner: 'akron',
    kind: 'community_group',
    name: 'Northside Neighbours of Akron',
    slug: 'northside-neighbours-of-akron',
    mission: 'A neighbourhood association looking after the people on its streets.',
    location: 'Akron, OH',
    leadership: 'Volunteers elected by the neighbourhood association each spring.',
    communitiesServed: 'Households on Akron’s Northside, many of them older people living alone.',
    budgetBand: 'under_50k',
  },
]

/** True when the database has no users yet, i.e. it has never been used. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users)
  return (row?.n ?? 0) === 0
}

/**
 * The platform's first "suggest matches" run over the demo's volunteers and requests, as the
 * nightly job would have made it, so volunteers see "Suggested for you" and groups the batch's
 * picks from the start. The batch works on the app's database: `database` is made that for the
 * run when no other is (a script, the cluster's primary).
 */
export async function suggestDemoMatches(database: Database) {
  const borrowed = currentDatabase() === undefined
  if (borrowed) setDatabase(database)
  try {
    await suggestMatchesNow()
  } finally {
    if (borrowed) setDatabase(undefined)
  }
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
    // Staff reviewers at the funder (the community reviewer belongs to no organisation).
    await tx.insert(memberships).values(
      STAFF_REVIEWERS.map((key) => ({
        organizationId: orgIds['riverbend-community-foundation'] ?? '',
        userId: ids[key],
        role: 'reviewer' as const,
      })),
    )
    await seedPrograms(tx, orgIds, ids)
    await seedDonorGifts(tx, DEMO_USERS.donor, ids.officer)
    await seedVolunteers(tx, passwordHash, ids, orgIds)
    await seedEngagements(tx, ids, orgIds['westgate-tenants-union'] ?? '')
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
