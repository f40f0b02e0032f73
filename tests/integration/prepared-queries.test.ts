import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { currentDatabase, openDatabase, setDatabase } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import { organizations } from '#db/schema/index.ts'
import { findOrganizationBySlug } from '#app/services/organizations/organizations.server.ts'
import { createOrgWithOwner } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

describe('preparedQuery', () => {
  it('builds its query once per database and answers from whichever database is current', async () => {
    let builds = 0
    const bySlug = preparedQuery('test_organization_name', (db, name) => {
      builds++
      return db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.slug, sql.placeholder('slug')))
        .prepare(name)
    })
    const { org } = await createOrgWithOwner('funder')
    const other = await createOrgWithOwner('community_group')
    expect(await bySlug().execute({ slug: org.slug })).toEqual([{ name: org.name }])
    expect(await bySlug().execute({ slug: other.org.slug })).toEqual([{ name: other.org.name }])
    expect(await bySlug().execute({ slug: 'nobody' })).toEqual([])
    expect(builds).toBe(1)

    // Another database (as each test file opens its own): built again there, its rows only.
    const first = currentDatabase()
    const second = await openDatabase({ driver: 'pglite' })
    try {
      setDatabase(second)
      expect(await bySlug().execute({ slug: org.slug })).toEqual([])
      expect(await findOrganizationBySlug(org.slug)).toBeNull()
      expect(builds).toBe(2)
    } finally {
      setDatabase(first)
      await second.close()
    }
    expect(await findOrganizationBySlug(org.slug)).toMatchObject({ id: org.id })
    expect(builds).toBe(2)
  }, 120_000)
})
