import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { startedDraft } from '#tests/support/started-draft.ts'
import { db } from '#db/client.server.ts'
import { applications, programs, rubricCriteria } from '#db/schema/index.ts'
import * as programPage from '#app/routes/programs.$slug._index.tsx'
import * as project from '#app/routes/applications.$id.project.tsx'
import * as review from '#app/routes/applications.$id.review.tsx'
import { ProgramDetailsSchema, programFormValues } from '#app/schemas/programs/program.ts'
import { QuestionSchema } from '#app/schemas/programs/program-question.ts'
import { CriterionSchema } from '#app/schemas/programs/rubric.ts'
import { FundSchema } from '#app/schemas/programs/fund.ts'
import {
  getPublicProgram,
  listOpenPrograms,
} from '#app/services/programs/program-catalog.server.ts'
import { updateProgramDetails } from '#app/services/programs/programs.server.ts'
import { addQuestion } from '#app/services/programs/program-questions.server.ts'
import { resetRubricToTemplate, saveCriterion } from '#app/services/programs/rubrics.server.ts'
import { updateFund } from '#app/services/programs/funds.server.ts'
import { createOpenProgram } from '#tests/support/factories.ts'
import { asc } from 'drizzle-orm'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const SPANISH_DESCRIPTION = 'Subvenciones para promotoras de salud en el Eastside.'

/** A program saved through the funder's form (its schema and service), with a Spanish version. */
async function bilingualProgram() {
  const setup = await createOpenProgram({ description: 'Grants for community health workers.' })
  const actor = { id: setup.owner.id, ip: '127.0.0.1', organizationId: setup.org.id }
  const input = ProgramDetailsSchema.parse({
    ...programFormValues(setup.program),
    contentLanguage: 'en',
    titleTranslation: 'Convocatoria de salud comunitaria',
    descriptionTranslation: SPANISH_DESCRIPTION,
    eligibilityTranslation: '',
  })
  const saved = await updateProgramDetails(actor, setup.program.id, input)
  expect(saved.ok).toBe(true)
  return { ...setup, actor }
}

describe('funder-written content in two languages', () => {
  it('the equity template reads in both languages, whichever language the funder started it in', async () => {
    const setup = await createOpenProgram()
    const actor = { id: setup.owner.id, ip: '127.0.0.1', organizationId: setup.org.id }
    for (const [language, other] of [
      ['es', 'en'],
      ['en', 'es'],
    ] as const) {
      expect((await resetRubricToTemplate(actor, setup.program.id, language)).ok).toBe(true)
      const rows = await db()
        .select()
        .from(rubricCriteria)
        .where(eq(rubricCriteria.programId, setup.program.id))
        .orderBy(asc(rubricCriteria.position))
      expect(rows[0]).toMatchObject({
        contentLanguage: language,
        label: language === 'es' ? 'Liderazgo de la comunidad' : 'Community leadership',
        labelTranslation: language === 'es' ? 'Community leadership' : 'Liderazgo de la comunidad',
      })
      for (const row of rows) {
        expect(row.guidanceTranslation).toHaveLength(row.levels.length)
        expect(row.descriptionTranslation).toBeTruthy()
      }
      // A reader of the other language sees the other template, with no "not translated" note.
      const shown = (await getPublicProgram(setup.program.slug, other))!
      expect(shown.shown.criteria.every((c) => !c.label.untranslated)).toBe(true)
      expect(shown.shown.criteria[0]?.label.text).toBe(
        other === 'es' ? 'Liderazgo de la comunidad' : 'Community leadership',
      )
      expect(shown.shown.criteria[0]?.guidance.every((g) => g.lang === other)).toBe(true)
    }
  })

  it('stores the Spanish version beside the English one and reads each back in its language', async () => {
    const { program } = await bilingualProgram()
    const [row] = await db().select().from(programs).where(eq(programs.id, program.id))
    expect(row).toMatchObject({
      contentLanguage: 'en',
      descriptionTranslation: SPANISH_DESCRIPTION,
      // Left empty in the form: not translated, stored as null (never '').
      eligibilityTranslation: null,
    })
    const inSpanish = await getPublicProgram(program.slug, 'es')
    expect(inSpanish?.shown.program.description).toEqual({
      text: SPANISH_DESCRIPTION,
      lang: 'es',
      untranslated: false,
    })
    expect(inSpanish?.shown.program.title.text).toBe('Convocatoria de salud comunitaria')
    const inEnglish = await getPublicProgram(program.slug, 'en')
    expect(inEnglish?.shown.program.description).toEqual({
      text: 'Grants for community health workers.',
      lang: 'en',
      untranslated: false,
    })
  })

  it('falls back to the other language with the untranslated mark, both ways', async () => {
    const english = await createOpenProgram({ description: 'Only in English.' })
    const spanishOnly = await createOpenProgram({
      contentLanguage: 'es',
      title: 'Solo en español',
      description: 'Descripción escrita solo en español.',
    })
    expect((await getPublicProgram(english.program.slug, 'es'))?.shown.program.description).toEqual(
      { text: 'Only in English.', lang: 'en', untranslated: true },
    )
    expect(
      (await getPublicProgram(spanishOnly.program.slug, 'en'))?.shown.program.description,
    ).toEqual({ text: 'Descripción escrita solo en español.', lang: 'es', untranslated: true })
    // Nothing written in either language needs no note.
    expect((await getPublicProgram(english.program.slug, 'es'))?.shown.program.eligibility).toEqual(
      { text: '', lang: 'es', untranslated: false },
    )
  })

  it('the public page loader answers in the reader’s language (cookie), else with the note', async () => {
    const { program } = await bilingualProgram()
    const english = await createOpenProgram({ description: 'Only in English.' })
    const spanish = await call(
      programPage.loader,
      makeRequest(`/programs/${program.slug}`, { cookie: 'lang=es' }),
      { slug: program.slug },
    )
    const data = spanish.data as Awaited<ReturnType<typeof programPage.loader>>
    expect(data.shown.program.description.text).toBe(SPANISH_DESCRIPTION)
    expect(data.program.title).toBe('Convocatoria de salud comunitaria')
    const fallback = await call(
      programPage.loader,
      makeRequest(`/programs/${english.program.slug}`, { cookie: 'lang=es' }),
      { slug: english.program.slug },
    )
    expect(
      (fallback.data as Awaited<ReturnType<typeof programPage.loader>>).shown.program.description,
    ).toMatchObject({ lang: 'en', untranslated: true })
  })

  it('the programs list finds a program by its Spanish words and shows them to a Spanish reader', async () => {
    const { program } = await bilingualProgram()
    const words = `Palabras únicas ${program.id}`
    await db()
      .update(programs)
      .set({ descriptionTranslation: words })
      .where(eq(programs.id, program.id))
    const { rows } = await listOpenPrograms({ q: words, page: 1 }, 'es')
    expect(rows.map((r) => r.slug)).toEqual([program.slug])
    expect(rows[0]?.shown.description).toMatchObject({ text: words, lang: 'es' })
    expect(rows[0]?.shown.title).toMatchObject({ text: 'Convocatoria de salud comunitaria' })
  })

  it('questions: Spanish label, help and options shown; the option stored stays as written', async () => {
    const setup = await createOpenProgram({ status: 'draft', opensAt: null })
    const actor = { id: setup.owner.id, ip: '127.0.0.1', organizationId: setup.org.id }
    const raw = {
      kind: 'single_choice',
      label: 'How often do you meet?',
      helpText: 'Pick one.',
      options: 'Weekly\nMonthly',
      contentLanguage: 'en',
      labelTranslation: '¿Cada cuánto se reúnen?',
      helpTextTranslation: '',
      optionsTranslation: 'Cada semana\nCada mes',
    }
    const input = QuestionSchema.parse(raw)
    expect((await addQuestion(actor, setup.program.id, input)).ok).toBe(true)
    await db().update(programs).set({ status: 'open' }).where(eq(programs.id, setup.program.id))
    const shown = (await getPublicProgram(setup.program.slug, 'es'))!
    expect(shown.questions[0]?.options).toEqual(['Weekly', 'Monthly'])
    expect(shown.shown.questions[0]).toMatchObject({
      label: { text: '¿Cada cuánto se reúnen?', lang: 'es', untranslated: false },
      helpText: { text: 'Pick one.', lang: 'en', untranslated: true },
      options: [
        { text: 'Cada semana', lang: 'es' },
        { text: 'Cada mes', lang: 'es' },
      ],
    })
    // A translation must give one line per option.
    const wrong = QuestionSchema.safeParse({ ...raw, optionsTranslation: 'Cada semana' })
    expect(wrong.success).toBe(false)
    expect(JSON.stringify(wrong.error?.issues)).toContain('validation:content.optionsCount')
  })

  it('rubric: a criterion written in Spanish only reads in Spanish, noted, for an English reader', async () => {
    const setup = await createOpenProgram({ status: 'draft', opensAt: null })
    const actor = { id: setup.owner.id, ip: '127.0.0.1', organizationId: setup.org.id }
    const [criterion] = await db()
      .select()
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, setup.program.id))
    const input = CriterionSchema.parse({
      label: 'Liderazgo comunitario',
      description: 'Quién dirige el trabajo.',
      maxScore: '3',
      level1: 'Nadie de la comunidad',
      level2: 'Algunas personas',
      level3: 'La comunidad dirige',
      contentLanguage: 'es',
      labelTranslation: 'Community leadership',
      guidanceTranslation: 'Nobody from the community\n\nThe community leads',
    })
    const saved = await saveCriterion(actor, setup.program.id, criterion!.id, input)
    expect(saved.ok).toBe(true)
    await db().update(programs).set({ status: 'open' }).where(eq(programs.id, setup.program.id))
    const page = (await getPublicProgram(setup.program.slug, 'en'))!
    const shown = page.shown.criteria[page.criteria.findIndex((c) => c.id === criterion!.id)]!
    expect(shown.label).toEqual({ text: 'Community leadership', lang: 'en', untranslated: false })
    expect(shown.description).toEqual({
      text: 'Quién dirige el trabajo.',
      lang: 'es',
      untranslated: true,
    })
    expect(shown.guidance).toEqual([
      { text: 'Nobody from the community', lang: 'en', untranslated: false },
      // Blank lines are dropped, so the second line of the translation is the third level's.
      { text: 'The community leads', lang: 'en', untranslated: false },
      { text: 'La comunidad dirige', lang: 'es', untranslated: true },
    ])
  })

  it('a fund’s description keeps its Spanish version', async () => {
    const setup = await createOpenProgram()
    const input = FundSchema.parse({
      name: setup.fund.name,
      currency: 'USD',
      description: 'Pooled gifts.',
      visibility: 'public',
      contentLanguage: 'en',
      descriptionTranslation: 'Donaciones reunidas.',
    })
    const saved = await updateFund({ id: setup.owner.id, ip: '127.0.0.1' }, setup.fund, input)
    expect(saved.ok).toBe(true)
    const page = await getPublicProgram(setup.program.slug, 'es')
    expect(page?.shown.fund.description).toMatchObject({ text: 'Donaciones reunidas.', lang: 'es' })
  })
})

describe('applications are stored as written', () => {
  it('records the interface language each step was saved in, and the summary shows it', async () => {
    const { id, cookie } = await startedDraft()
    const saved = await call(
      project.action,
      makeRequest('/', {
        cookie: `${cookie}; lang=es`,
        form: { version: '1', title: 'Promotoras de salud' },
      }),
      { id },
    )
    expect(saved.status).toBe(302)
    const [row] = await db().select().from(applications).where(eq(applications.id, id))
    expect(row?.stepLanguages).toEqual({ project: 'es' })
    // Saved again from an English page: the step is now English.
    await call(
      project.action,
      makeRequest('/', { cookie: `${cookie}; lang=en`, form: { version: '2', title: 'Health' } }),
      { id },
    )
    const [again] = await db().select().from(applications).where(eq(applications.id, id))
    expect(again?.stepLanguages).toEqual({ project: 'en' })
    await call(
      project.action,
      makeRequest('/', { cookie: `${cookie}; lang=es`, form: { version: '3', title: 'Salud' } }),
      { id },
    )
    const page = await call(review.loader, makeRequest('/', { cookie }), { id })
    expect((page.data as Awaited<ReturnType<typeof review.loader>>).summary.stepLanguages).toEqual({
      project: 'es',
    })
  })
})
