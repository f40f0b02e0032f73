import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { seedDemoData } from '#app/seed/seed.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { addApplications, demoProgram } from '../../bench/seed-applications.ts'

withTestDatabase()

/** The plan's text for a query, so a test can say which index it reads and whether it sorts. */
async function plan(query: ReturnType<typeof sql>) {
  const result = (await db().execute(sql`EXPLAIN ${query}`)) as unknown as {
    rows: Record<string, string>[]
  }
  return result.rows.map((r) => Object.values(r)[0]).join('\n')
}

describe("the funder's list of a program with many applications", () => {
  it('reads its first page, newest first, from an index without sorting every application', async () => {
    await seedDemoData(db())
    const program = await demoProgram(db(), 'community-health-access-2027')
    await addApplications(db(), program.id, 2000)
    // The same filter and order as listProgramApplications' default ("newest").
    const text = await plan(sql`
      SELECT a.id FROM applications a JOIN organizations o ON o.id = a.organization_id
      WHERE a.program_id = ${program.id} AND a.status <> 'draft'
      ORDER BY a.submitted_at DESC NULLS LAST, a.id DESC LIMIT 26`)
    expect(text).toContain('applications_program_newest_idx')
    expect(text).not.toMatch(/\bSort\b/)
  })
})
