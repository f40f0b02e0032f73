import { eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { applications } from '#db/schema/index.ts'
import { VULNERABILITY_BANDS } from '#app/domain/places/vulnerability.ts'
import { VULNERABILITY_QUARTERS } from '#app/services/applications/application-stats.server.ts'
import { createApplicationRow, createOpenProgram } from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

type Group = {
  program: string
  status: string
  band: number | null
  sdoh: string
  n: number
  requested: string
}

async function rowsOf(query: ReturnType<typeof sql>): Promise<Group[]> {
  const result = (await db().execute(query)) as unknown as { rows: Group[] }
  return result.rows.map((r) => ({
    ...r,
    n: Number(r.n),
    band: r.band === null ? null : Number(r.band),
  }))
}

/** What the trigger keeps in application_figures: the groups with something in them. */
const kept = () =>
  rowsOf(sql`
    SELECT program_id::text AS program, status::text AS status, band, sdoh_domains::text AS sdoh,
           applications AS n, requested_minor::text AS requested
    FROM application_figures WHERE applications > 0
    ORDER BY 1, 2, 3 NULLS FIRST, 4`)

/** The same groups aggregated from the applications themselves (the query the figures replace). */
const aggregated = () =>
  rowsOf(sql`
    SELECT program_id::text AS program, status::text AS status,
           CASE WHEN place_vulnerability IS NOT NULL
                THEN least(floor(place_vulnerability * ${VULNERABILITY_QUARTERS}), ${VULNERABILITY_QUARTERS - 1})
           END::int AS band,
           sdoh_domains::text AS sdoh, count(*)::int AS n,
           coalesce(sum(amount_requested_minor), 0)::text AS requested
    FROM applications WHERE status <> 'draft'
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3 NULLS FIRST, 4`)

async function expectFiguresToMatch() {
  const [figures, truth] = await Promise.all([kept(), aggregated()])
  expect(figures).toEqual(truth)
}

describe('application_figures, kept by the database', () => {
  it('puts every SVI percentile in the band the domain gives it (migration 0016 writes 4 in)', async () => {
    expect(VULNERABILITY_QUARTERS).toBe(4)
    const result = (await db().execute(sql`
      SELECT g / 10000.0 AS v, application_figures_band(g / 10000.0) AS band
      FROM generate_series(0, 10000) g`)) as unknown as { rows: { v: string; band: number }[] }
    for (const { v, band } of result.rows) {
      const expected = Math.min(
        Math.floor(Number(v) * VULNERABILITY_QUARTERS),
        VULNERABILITY_QUARTERS - 1,
      )
      if (Number(band) !== expected) throw new Error(`${v}: band ${band}, expected ${expected}`)
    }
    const none = (await db().execute(
      sql`SELECT application_figures_band(NULL) AS band`,
    )) as unknown as {
      rows: { band: number | null }[]
    }
    expect(none.rows[0]?.band).toBeNull()
    expect(VULNERABILITY_BANDS.at(-1)).toBe('unknown')
  })

  it('follows every kind of change to the applications, drafts never counted', async () => {
    const { program } = await createOpenProgram()
    const other = await createOpenProgram()
    const draft = await createApplicationRow(program.id, {
      status: 'draft',
      amountRequestedMinor: 9,
    })
    const a = await createApplicationRow(program.id, {
      sdohDomains: ['education'],
      placeVulnerability: 0.3,
      amountRequestedMinor: 3_000_000_001,
    })
    const b = await createApplicationRow(program.id, { amountRequestedMinor: null })
    const c = await createApplicationRow(program.id, {
      status: 'in_review',
      sdohDomains: ['health_care', 'education'],
      placeVulnerability: 1,
      amountRequestedMinor: 250,
    })
    await expectFiguresToMatch()
    expect((await kept()).length).toBe(3)

    const change = async (id: string, values: Partial<typeof applications.$inferInsert>) => {
      await db().update(applications).set(values).where(eq(applications.id, id))
      await expectFiguresToMatch()
    }
    // A draft's saves leave the figures alone; its submission counts it.
    await change(draft.id, { amountRequestedMinor: 77, sdohDomains: ['neighborhood'] })
    await change(draft.id, { status: 'submitted', submittedAt: new Date() })
    // Each counted column, and the SVI to and from none.
    await change(a.id, { amountRequestedMinor: 5 })
    await change(a.id, { sdohDomains: ['education', 'neighborhood'] })
    await change(a.id, { placeVulnerability: null })
    await change(b.id, { placeVulnerability: 0.75, amountRequestedMinor: 40 })
    await change(b.id, { amountRequestedMinor: null })
    await change(c.id, { status: 'awarded' })
    await change(c.id, { programId: other.program.id })
    // What the figures do not count changes nothing there.
    await change(c.id, { title: 'Renamed' })
    // Back to draft (the database allows it with no submission time), then deleted.
    await change(a.id, { status: 'draft', submittedAt: null })
    await db().delete(applications).where(eq(applications.id, a.id))
    await expectFiguresToMatch()
    await db().delete(applications).where(eq(applications.id, b.id))
    await expectFiguresToMatch()

    // Many rows in one statement.
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createApplicationRow(program.id, {
          sdohDomains: i % 2 ? ['education'] : [],
          placeVulnerability: i % 3 ? i / 12 : null,
          amountRequestedMinor: 100 * i,
        }),
      ),
    )
    await expectFiguresToMatch()
    await db()
      .update(applications)
      .set({ status: 'in_review' })
      .where(
        inArray(
          applications.id,
          many.slice(0, 8).map((x) => x.id),
        ),
      )
    await expectFiguresToMatch()
    // TRUNCATE cascades through grants into the append-only ledger, which refuses it (as it
    // should: ledger.test.ts). The figures' own TRUNCATE trigger is checked with the ledger's
    // guards lifted inside this one transaction.
    await db().transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_no_truncate`)
      await tx.execute(
        sql`ALTER TABLE ledger_transactions DISABLE TRIGGER ledger_transactions_no_truncate`,
      )
      await tx.execute(sql`TRUNCATE applications CASCADE`)
      await tx.execute(sql`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_no_truncate`)
      await tx.execute(
        sql`ALTER TABLE ledger_transactions ENABLE TRIGGER ledger_transactions_no_truncate`,
      )
    })
    expect(await kept()).toEqual([])
  })

  raceTest('counts every one of many simultaneous submissions and moves in one group', async () => {
    const { program } = await createOpenProgram()
    const group = { sdohDomains: ['education'], placeVulnerability: 0.6, amountRequestedMinor: 10 }
    const drafts = await Promise.all(
      Array.from({ length: 24 }, () =>
        createApplicationRow(program.id, { ...group, status: 'draft' }),
      ),
    )
    const submitted = await Promise.all(
      Array.from({ length: 8 }, () => createApplicationRow(program.id, group)),
    )
    // Each change in its own transaction that holds its locks a moment, all at once.
    const inTransaction = (id: string, values: Partial<typeof applications.$inferInsert>) =>
      db().transaction(async (tx) => {
        await tx.update(applications).set(values).where(eq(applications.id, id))
        await tx.execute(sql`SELECT pg_sleep(0.02)`)
      })
    await Promise.all([
      ...drafts.map((d) => inTransaction(d.id, { status: 'submitted', submittedAt: new Date() })),
      ...submitted.map((s) => inTransaction(s.id, { status: 'in_review' })),
    ])
    await expectFiguresToMatch()
    expect(await kept()).toMatchObject([
      { status: 'in_review', n: 8, requested: '80' },
      { status: 'submitted', n: 24, requested: '240' },
    ])
  })
})
