import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { applications } from '#db/schema/index.ts'
import {
  APPLICATION_SORTS,
  type ApplicationSort,
} from '#app/domain/applications/application-sorts.ts'
import {
  LIST_PAGE_SIZE,
  listProgramApplications,
} from '#app/services/applications/application-lists.server.ts'
import { createOpenProgram } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

interface Row {
  id: string
  status: string
  sdohDomains: string[]
  amountRequestedMinor: number | null
  placeVulnerability: number | null
  submittedAt: Date | null
}

/** Seventy applications with ties and gaps in every column the list orders by, and drafts. */
async function programWithApplications() {
  const { program } = await createOpenProgram()
  await db().execute(sql`
    INSERT INTO organizations (kind, name, slug)
    SELECT 'community_group', 'Pages Group ' || g, 'pages-group-' || g FROM generate_series(1, 70) g`)
  await db().execute(sql`
    INSERT INTO applications (program_id, organization_id, status, title, sdoh_domains,
      amount_requested_minor, place_vulnerability, submitted_at)
    SELECT ${program.id}, o.id, s.status::application_status, 'Pages application ' || n,
      ARRAY[(ARRAY['education','health_care','neighborhood'])[1 + n % 3]],
      (n % 7) * 1000, CASE WHEN n % 6 = 0 THEN NULL ELSE (n % 5) / 5.0 END,
      CASE WHEN s.status = 'draft' THEN NULL ELSE now() - (n % 10) * interval '1 minute' END
    FROM (SELECT id, row_number() OVER (ORDER BY slug) n FROM organizations
          WHERE slug LIKE 'pages-group-%') o,
      LATERAL (SELECT (ARRAY['submitted','in_review','withdrawn','awarded','draft'])[1 + n % 5]
        AS status) s`)
  return program.id
}

/** The list's orders, written out in JavaScript (ids compare as PostgreSQL compares uuids). */
function compare(sort: ApplicationSort) {
  const nullsLast = (a: number | null, b: number | null, direction: 1 | -1) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : direction * (a - b)
  const byId = (a: Row, b: Row, direction: 1 | -1) =>
    direction * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const time = (r: Row) => r.submittedAt?.getTime() ?? null
  return (a: Row, b: Row) => {
    switch (sort) {
      case 'newest':
        return nullsLast(time(a), time(b), -1) || byId(a, b, -1)
      case 'oldest':
        return nullsLast(time(a), time(b), 1) || byId(a, b, 1)
      case 'amount':
        return nullsLast(a.amountRequestedMinor, b.amountRequestedMinor, -1) || byId(a, b, -1)
      case 'vulnerability':
        return nullsLast(a.placeVulnerability, b.placeVulnerability, -1) || byId(a, b, -1)
    }
  }
}

describe("the funder's list, one prepared statement per order and set of filters", () => {
  it('gives every page of every order and filter as the filters and order say, drafts never', async () => {
    const programId = await programWithApplications()
    const all: Row[] = await db()
      .select({
        id: applications.id,
        status: applications.status,
        sdohDomains: applications.sdohDomains,
        amountRequestedMinor: applications.amountRequestedMinor,
        placeVulnerability: applications.placeVulnerability,
        submittedAt: applications.submittedAt,
      })
      .from(applications)
      .where(eq(applications.programId, programId))
    expect(all.filter((r) => r.status === 'draft').length).toBeGreaterThan(0)

    // Each shape asked more than five times: PostgreSQL may then plan it once for all values.
    for (let round = 0; round < 2; round++) {
      for (const sort of APPLICATION_SORTS) {
        for (const status of [undefined, 'in_review', 'awarded'] as const) {
          for (const sdoh of [undefined, 'education'] as const) {
            const kept = all
              .filter((r) => r.status !== 'draft')
              .filter((r) => !status || r.status === status)
              .filter((r) => !sdoh || r.sdohDomains.includes(sdoh))
              .sort(compare(sort))
            for (const page of [1, 2, 3]) {
              const list = await listProgramApplications(programId, { sort, status, sdoh, page })
              const expected = kept.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE)
              const shape = `${sort} ${status ?? 'any status'} ${sdoh ?? 'any area'} page ${page}`
              expect(
                list.rows.map((r) => r.id),
                shape,
              ).toEqual(expected.map((r) => r.id))
              expect(list.hasNext, shape).toBe(kept.length > page * LIST_PAGE_SIZE)
            }
          }
        }
      }
    }
  })
})
