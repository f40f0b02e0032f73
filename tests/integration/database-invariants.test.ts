import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  applications,
  budgetLines,
  funds,
  invitations,
  organizations,
  places,
  programQuestions,
  programs,
  rubricCriteria,
  sessions,
  skillRequests,
  users,
} from '#db/schema/index.ts'
import { moveQuestion } from '#app/services/programs/program-questions.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import {
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
} from '#tests/support/factories.ts'

/** A draft of a new group to an open program. */
async function createDraft() {
  const { program } = await createOpenProgram()
  return createApplicationRow(program.id, { status: 'draft' })
}

withTestDatabase()

/** The database's own refusal: the constraint's name is in the error. */
async function refused(write: Promise<unknown>, constraint: string) {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, `${constraint} let the write through`).not.toBeNull()
  const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`
  expect(text).toContain(constraint)
}

describe('the database refuses what the code never writes', () => {
  it('negative amounts on applications and budget lines', async () => {
    const application = await createDraft()
    await refused(
      db()
        .update(applications)
        .set({ amountRequestedMinor: -1 })
        .where(eq(applications.id, application.id)),
      'applications_amount_nonnegative',
    )
    await refused(
      db()
        .insert(budgetLines)
        .values({ applicationId: application.id, position: 1, description: 'x', amountMinor: -5 }),
      'budget_lines_amount_nonnegative',
    )
  })

  it('skill requests of no hours', async () => {
    const application = await createDraft()
    const row = {
      applicationId: application.id,
      position: 1,
      skill: 'legal',
      workMode: 'remote' as const,
    }
    await refused(
      db()
        .insert(skillRequests)
        .values({ ...row, hours: 0 }),
      'skill_requests_hours_positive',
    )
    await db()
      .insert(skillRequests)
      .values({ ...row, hours: 1 })
  })

  it('a program that closes before it opens', async () => {
    const { program } = await createOpenProgram()
    await refused(
      db()
        .update(programs)
        .set({ opensAt: new Date('2030-02-01'), closesAt: new Date('2030-01-01') })
        .where(eq(programs.id, program.id)),
      'programs_opens_before_closes',
    )
  })

  it('vulnerability outside [0, 1]', async () => {
    const application = await createDraft()
    await refused(
      db()
        .update(applications)
        .set({ placeVulnerability: 1.2 })
        .where(eq(applications.id, application.id)),
      'applications_vulnerability_range',
    )
    await refused(
      db().update(places).set({ svi: -999 }).where(eq(places.fips, '39049')),
      'places_svi_range',
    )
  })

  it('a currency the app does not support', async () => {
    const { fund } = await createOpenProgram()
    await refused(
      db().update(funds).set({ currency: 'XBT' }).where(eq(funds.id, fund.id)),
      'funds_currency_known',
    )
  })

  it('emails that are not lower case', async () => {
    const user = await createUser()
    await refused(
      db().update(users).set({ email: user.email.toUpperCase() }).where(eq(users.id, user.id)),
      'users_email_lower_case',
    )
    const { org } = await createOrgWithOwner()
    await refused(
      db()
        .insert(invitations)
        .values({
          organizationId: org.id,
          email: 'Someone@Example.org',
          role: 'member',
          tokenHash: 'x',
          expiresAt: new Date(Date.now() + 86_400_000),
        }),
      'invitations_email_lower_case',
    )
  })

  it('two questions or criteria at one position, while moving still swaps them', async () => {
    const { program, owner, org } = await createOpenProgram()
    const question = { programId: program.id, kind: 'short_text' as const, label: 'Q' }
    const [first] = await db()
      .insert(programQuestions)
      .values({ ...question, position: 1 })
      .returning()
    await db()
      .insert(programQuestions)
      .values({ ...question, label: 'Q2', position: 2 })
    await refused(
      db()
        .insert(programQuestions)
        .values({ ...question, position: 2 }),
      'program_questions_program_position_key',
    )
    const [criterion] = await db()
      .select()
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, program.id))
      .limit(1)
    await refused(
      db()
        .insert(rubricCriteria)
        .values({ ...criterion!, id: undefined, label: 'Twin' }),
      'rubric_criteria_program_position_key',
    )
    const moved = await moveQuestion(
      { id: owner.id, organizationId: org.id },
      program.id,
      first!.id,
      'down',
    )
    expect(moved).toMatchObject({ ok: true })
    const order = await db()
      .select({ label: programQuestions.label })
      .from(programQuestions)
      .where(eq(programQuestions.programId, program.id))
      .orderBy(programQuestions.position)
    expect(order.map((q) => q.label)).toEqual(['Q2', 'Q'])
  })

  it('a session whose organisation is gone forgets it instead of pointing at nothing', async () => {
    const user = await createUser()
    // Written directly, so no membership or audit row holds on to it.
    const [org] = await db()
      .insert(organizations)
      .values({ kind: 'funder', name: 'Short-lived', slug: `short-lived-${Date.now()}` })
      .returning()
    const session = { userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) }
    await refused(
      db()
        .insert(sessions)
        .values({ ...session, id: 'dangling', currentOrganizationId: crypto.randomUUID() }),
      'sessions_current_organization_id_organizations_id_fk',
    )
    await db()
      .insert(sessions)
      .values({ ...session, id: 'kept', currentOrganizationId: org!.id })
    await db().delete(organizations).where(eq(organizations.id, org!.id))
    const [row] = await db().select().from(sessions).where(eq(sessions.id, 'kept'))
    expect(row).toBeDefined()
    expect(row?.currentOrganizationId).toBeNull()
  })

  it('submitted_at exactly when past draft (a draft cannot be withdrawn)', async () => {
    const application = await createDraft()
    const where = eq(applications.id, application.id)
    await refused(
      db().update(applications).set({ status: 'submitted', submittedAt: null }).where(where),
      'applications_submitted_at_matches_status',
    )
    await refused(
      db().update(applications).set({ status: 'draft', submittedAt: new Date() }).where(where),
      'applications_submitted_at_matches_status',
    )
    await refused(
      db().update(applications).set({ status: 'withdrawn' }).where(where),
      'applications_submitted_at_matches_status',
    )
    const submittedAt = new Date()
    await db().update(applications).set({ status: 'withdrawn', submittedAt }).where(where)
    const [row] = await db().select().from(applications).where(where)
    expect(row).toMatchObject({ status: 'withdrawn', submittedAt })
  })

  it('the database refuses an unknown language, an empty translation and translations that do not line up', async () => {
    const { program, fund } = await createOpenProgram()
    await refused(
      db().update(programs).set({ contentLanguage: 'fr' }).where(eq(programs.id, program.id)),
      'programs_content_language_known',
    )
    await refused(
      db().update(programs).set({ titleTranslation: '' }).where(eq(programs.id, program.id)),
      'programs_translations_not_empty',
    )
    await refused(
      db().update(funds).set({ descriptionTranslation: '' }).where(eq(funds.id, fund.id)),
      'funds_translation_not_empty',
    )
    await refused(
      db()
        .insert(programQuestions)
        .values({
          programId: program.id,
          position: 9,
          kind: 'single_choice',
          label: 'Which?',
          options: ['A', 'B'],
          optionsTranslation: ['Una'],
        }),
      'program_questions_options_translation_per_option',
    )
    await refused(
      db()
        .update(rubricCriteria)
        .set({ guidanceTranslation: ['una'] })
        .where(eq(rubricCriteria.programId, program.id)),
      'rubric_guidance_translation_per_level',
    )
    const application = await createApplicationRow(program.id, { status: 'draft' })
    await refused(
      db()
        .update(applications)
        .set({ stepLanguages: { project: 'fr' as 'en' } })
        .where(eq(applications.id, application.id)),
      'applications_step_languages_known',
    )
  })
})
