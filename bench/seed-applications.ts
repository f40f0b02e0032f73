/**
 * Bench data on top of the demo seed, written with plain SQL so that it also fits a database an
 * older build migrated (bench:load measures any BUILD_DIR).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'

type Rows<T> = { rows: T[] }
const rows = async <T>(query: Promise<unknown>) => ((await query) as Rows<T>).rows

/** `count` submitted applications from as many new groups, to one program. */
export async function addApplications(db: Db, programId: string, count: number) {
  await db.execute(sql`
    INSERT INTO organizations (kind, name, slug)
    SELECT 'community_group', 'Bench Group ' || g, 'bench-group-' || g FROM generate_series(1, ${count}) g`)
  await db.execute(sql`
    INSERT INTO applications (program_id, organization_id, status, title, summary, sdoh_domains,
      amount_requested_minor, place_vulnerability, place_vulnerability_year, submitted_at, version)
    SELECT ${programId}, o.id,
      (ARRAY['submitted','submitted','submitted','in_review','withdrawn'])[1 + n % 5]::application_status,
      'Bench application ' || n, repeat('Words about the project. ', 40),
      ARRAY[(ARRAY['economic_stability','education','health_care','neighborhood','social_community'])[1 + n % 5],
            (ARRAY['economic_stability','education','health_care','neighborhood','social_community'])[1 + (n / 5) % 5]],
      500000 + (n * 7919) % 2000000, ((n * 37) % 1000) / 1000.0, 2022,
      now() - n * interval '3 minutes', 2
    FROM (SELECT id, row_number() OVER (ORDER BY slug) n FROM organizations WHERE slug LIKE 'bench-group-%') o`)
  await db.execute(sql`ANALYZE`)
}

/** A second open program of the fund, and a draft to it from the organisation: its id. */
export async function addDraft(db: Db, fundId: string, organizationId: string): Promise<string> {
  const [program] = await rows<{ id: string }>(
    db.execute(sql`
      INSERT INTO programs (fund_id, slug, title, status)
      VALUES (${fundId}, 'bench-other', 'Other', 'open') RETURNING id`),
  )
  const [draft] = await rows<{ id: string }>(
    db.execute(sql`
      INSERT INTO applications (program_id, organization_id)
      VALUES (${program!.id}, ${organizationId}) RETURNING id`),
  )
  return draft!.id
}

/** The demo program (its id and fund) and the id of an organisation, by slug. */
export async function demoProgram(db: Db, slug: string) {
  const [program] = await rows<{ id: string; fund_id: string }>(
    db.execute(sql`SELECT id, fund_id FROM programs WHERE slug = ${slug}`),
  )
  if (!program) throw new Error(`program ${slug} missing: is the demo data seeded?`)
  return { id: program.id, fundId: program.fund_id }
}

export async function organizationId(db: Db, slug: string): Promise<string> {
  const [org] = await rows<{ id: string }>(
    db.execute(sql`SELECT id FROM organizations WHERE slug = ${slug}`),
  )
  if (!org) throw new Error(`organisation ${slug} missing`)
  return org.id
}
