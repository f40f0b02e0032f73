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

  it("reads the figures from the program's few groups in application_figures, never the applications", async () => {
    const program = await demoProgram(db(), 'community-health-access-2027')
    // 2,000 applications from the test above fall into ~100 groups (status, band, domains).
    const groups = (await db().execute(sql`
      SELECT count(*)::int AS n FROM application_figures WHERE program_id = ${program.id}`)) as unknown as {
      rows: { n: number }[]
    }
    expect(groups.rows[0]!.n).toBeLessThan(200)
    // The same filter as programApplicationStats, unfiltered and with both of the list's filters.
    for (const extra of [
      sql``,
      sql`AND status = 'in_review' AND sdoh_domains @> ARRAY['education']`,
    ]) {
      const text = await plan(sql`
        SELECT status, band, sdoh_domains, applications, requested_minor FROM application_figures
        WHERE program_id = ${program.id} AND applications > 0 ${extra}`)
      expect(text).toContain('application_figures')
      expect(text).not.toMatch(/ on applications\b/)
    }
  })
})
