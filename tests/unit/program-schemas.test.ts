import { formatAnswer } from '#app/domain/programs/program-questions.ts'
import { fixedT } from '#app/utils/i18n.server.ts'
import { describe, expect, it } from 'vitest'
import { fieldErrors } from '#app/utils/forms.server.ts'
import { nestValues } from '#app/lib/nested-values.ts'
import { english } from '#tests/support/english.ts'
import { FundSchema } from '#app/schemas/programs/fund.ts'
import { ProgramDetailsSchema, programFormValues } from '#app/schemas/programs/program.ts'
import { QuestionSchema } from '#app/schemas/programs/program-question.ts'
import { CriterionSchema, WeightsSchema } from '#app/schemas/programs/rubric.ts'

const program = {
  title: 'Neighbourhood health',
  timeZone: 'America/Chicago',
  budget: '100,000',
  minAward: '5000',
  maxAward: '25000',
  reviewersPerApplication: '3',
  communityReviewerWeight: '100',
}

function errorsOf<T>(schema: { safeParse: (v: unknown) => T }, input: Record<string, unknown>) {
  const parsed = schema.safeParse(input) as {
    success: boolean
    error?: Parameters<typeof fieldErrors>[0]
  }
  if (parsed.success) return {}
  // The schemas give keys; the assertions read them as an English reader does.
  return Object.fromEntries(
    Object.entries(fieldErrors(parsed.error!)).map(([k, v]) => [k, english(v)]),
  )
}

describe('FundSchema', () => {
  it('takes a name, an allowed currency, a description and a visibility', () => {
    const parsed = FundSchema.parse({
      name: '  Riverbend Health Fund ',
      currency: 'USD',
      visibility: 'private',
    })
    expect(parsed).toEqual({
      name: 'Riverbend Health Fund',
      currency: 'USD',
      description: '',
      // Absent from the form: written in English, not translated.
      contentLanguage: 'en',
      descriptionTranslation: null,
      visibility: 'private',
      goalMinor: null,
      // An unticked box posts nothing: the fund takes gifts.
      givingClosed: false,
    })
  })

  it('takes an optional goal in minor units, above zero', () => {
    const base = { name: 'Riverbend Health Fund', currency: 'USD', visibility: 'public' }
    expect(FundSchema.parse({ ...base, goalMinor: '25,000' }).goalMinor).toBe(2_500_000)
    expect(FundSchema.parse({ ...base, goalMinor: '' }).goalMinor).toBeNull()
    for (const bad of ['0', '-5', 'lots', '1.234']) {
      expect(errorsOf(FundSchema, { ...base, goalMinor: bad })).toEqual({
        goalMinor: expect.stringMatching(/goal/),
      })
    }
  })

  it('refuses unknown currencies and a missing name', () => {
    expect(errorsOf(FundSchema, { name: '', currency: 'BTC', visibility: 'public' })).toEqual({
      name: expect.stringMatching(/name/),
      currency: 'Choose a currency',
    })
  })
})

describe('ProgramDetailsSchema', () => {
  it('parses amounts to minor units, dates in the chosen zone, checkboxes and lists', () => {
    const parsed = ProgramDetailsSchema.parse({
      ...program,
      opensAt: '2027-06-01T09:00',
      closesAt: '2027-06-30T17:00',
      eligibleStates: 'Ohio',
      eligibleCountyFips: ['39049', '39041', '39049'],
      sdohDomains: ['education', 'health_care'],
      allowSkillRequests: 'on',
    })
    expect(parsed).toMatchObject({
      budget: 10_000_000,
      minAward: 500_000,
      maxAward: 2_500_000,
      opensAt: new Date('2027-06-01T14:00:00Z'),
      closesAt: new Date('2027-06-30T22:00:00Z'),
      eligibleStates: ['Ohio'],
      eligibleCountyFips: ['39049', '39041'],
      sdohDomains: ['education', 'health_care'],
      allowSkillRequests: true,
      blindReview: false,
      reviewersPerApplication: 3,
      communityReviewerWeight: 1000,
      showScoresAfterSubmit: false,
    })
  })

  it.each([
    ['0', 0],
    ['50', 500],
    ['62.5', 625],
    [' 150 % ', 1500],
    ['1000', 10_000],
  ])('reads a community reviewer weight of %j percent as %d per mille', (typed, perMille) => {
    expect(
      ProgramDetailsSchema.parse({ ...program, communityReviewerWeight: typed }),
    ).toMatchObject({ communityReviewerWeight: perMille })
  })

  it.each(['', '-5', '1000.1', '1001', '12.25', 'half', '1e3'])(
    'refuses a community reviewer weight of %j percent',
    (typed) => {
      expect(
        errorsOf(ProgramDetailsSchema, { ...program, communityReviewerWeight: typed }),
      ).toEqual({
        communityReviewerWeight:
          'Enter a percentage from 0 to 1000, with at most one decimal (100 counts the same as a staff reviewer)',
      })
    },
  )

  it('leaves dates empty in a draft', () => {
    expect(ProgramDetailsSchema.parse(program)).toMatchObject({ opensAt: null, closesAt: null })
  })

  it('refuses a minimum award above the maximum', () => {
    expect(errorsOf(ProgramDetailsSchema, { ...program, minAward: '30000' })).toEqual({
      minAward: 'The minimum award cannot be more than the maximum award',
    })
  })

  it('refuses a maximum award above the budget', () => {
    expect(errorsOf(ProgramDetailsSchema, { ...program, maxAward: '100000.01' })).toEqual({
      maxAward: 'The maximum award cannot be more than the total budget',
    })
  })

  it('refuses a closing time before (or at) the opening time', () => {
    const errors = errorsOf(ProgramDetailsSchema, {
      ...program,
      opensAt: '2027-06-30T17:00',
      closesAt: '2027-06-30T17:00',
    })
    expect(errors).toEqual({ closesAt: 'The closing time must be after the opening time' })
  })

  it('refuses malformed county codes, dates, zones, amounts and reviewer counts', () => {
    const errors = errorsOf(ProgramDetailsSchema, {
      ...program,
      eligibleCountyFips: ['39049', 'Franklin', '3904'],
      closesAt: 'next friday',
      timeZone: 'Mars/Base',
      budget: 'lots',
      reviewersPerApplication: '11',
      sdohDomains: ['housing'],
    })
    expect(errors).toEqual({
      'eligibleCountyFips.1': 'Choose counties from the list',
      'eligibleCountyFips.2': 'Choose counties from the list',
      closesAt: 'Enter the closing time as a date and time, like 2027-06-30T17:00',
      timeZone: 'Choose a time zone from the list',
      budget: 'Enter the total budget as an amount like 1500 or 1,500.50',
      reviewersPerApplication: 'Enter a whole number of reviewers from 1 to 10',
      'sdohDomains.0': 'Choose domains from the list',
    })
  })

  it('reports format and cross-field problems in one go', () => {
    const errors = errorsOf(ProgramDetailsSchema, {
      ...program,
      title: '',
      budget: 'lots',
      minAward: '30000',
      opensAt: '2027-07-01T09:00',
      closesAt: '2027-06-30T17:00',
    })
    expect(errors).toEqual({
      title: expect.stringMatching(/title/),
      budget: 'Enter the total budget as an amount like 1500 or 1,500.50',
      minAward: 'The minimum award cannot be more than the maximum award',
      closesAt: 'The closing time must be after the opening time',
    })
  })

  it('round-trips a saved program through the form values', () => {
    const parsed = ProgramDetailsSchema.parse({
      ...program,
      closesAt: '2027-06-30T17:00',
      blindReview: 'on',
      eligibleCountyFips: ['39049'],
      communityReviewerWeight: '62.5',
      showScoresAfterSubmit: 'on',
    })
    const values = programFormValues({
      ...parsed,
      budgetMinor: parsed.budget,
      minAwardMinor: parsed.minAward,
      maxAwardMinor: parsed.maxAward,
    })
    expect(values).toMatchObject({
      closesAt: '2027-06-30T17:00',
      budget: '100000.00',
      blindReview: 'on',
      allowSkillRequests: '',
      eligibleCountyFips: ['39049'],
      communityReviewerWeight: '62.5',
      showScoresAfterSubmit: 'on',
    })
    expect(ProgramDetailsSchema.parse(values)).toEqual(parsed)
  })
})

describe('CriterionSchema', () => {
  it('builds one level per score from 1 to the highest score, from the flat guidance fields', () => {
    const parsed = CriterionSchema.parse({
      label: 'Reach',
      maxScore: '3',
      level1: 'Low',
      level2: 'Middle',
      level3: 'High',
      level4: 'Ignored: above the highest score',
      isEquity: 'on',
    })
    expect(parsed).toEqual({
      label: 'Reach',
      description: '',
      maxScore: 3,
      isEquity: true,
      levels: [
        { score: 1, guidance: 'Low' },
        { score: 2, guidance: 'Middle' },
        { score: 3, guidance: 'High' },
      ],
      contentLanguage: 'en',
      labelTranslation: null,
      descriptionTranslation: null,
      guidanceTranslation: null,
    })
  })

  it('refuses a highest score outside 2 to 10', () => {
    expect(errorsOf(CriterionSchema, { label: 'Reach', maxScore: '11' })).toEqual({
      maxScore: 'Enter a highest score from 2 to 10',
    })
  })
})

describe('WeightsSchema', () => {
  const a = '11111111-1111-4111-8111-111111111111'
  const b = '22222222-2222-4222-8222-222222222222'
  const weights = (x: string, y: string) => nestValues({ [`weights.${a}`]: x, [`weights.${b}`]: y })

  it('takes one weight per criterion, named by its id', () => {
    expect(WeightsSchema.parse(weights('70', '30'))).toEqual({ weights: { [a]: 70, [b]: 30 } })
  })

  it('refuses weights that do not add up to 100, with a clear message', () => {
    expect(errorsOf(WeightsSchema, weights('70', '20'))).toEqual({
      form: 'The weights add up to 90; they must add up to exactly 100.',
    })
  })

  it('refuses a weight that is not a whole number from 1 to 100', () => {
    expect(errorsOf(WeightsSchema, weights('99.5', '0.5'))).toEqual({
      [`weights.${a}`]: 'Enter a whole-number weight from 1 to 100',
      [`weights.${b}`]: 'Enter a whole-number weight from 1 to 100',
    })
  })
})

describe('QuestionSchema', () => {
  it('keeps options only for choice questions, trimmed and without repeats', () => {
    expect(
      QuestionSchema.parse({
        kind: 'multi_choice',
        label: 'Which languages do you work in?',
        options: ' English\nSpanish\n\nSpanish\n',
        wordLimit: '200',
      }),
    ).toEqual({
      kind: 'multi_choice',
      label: 'Which languages do you work in?',
      helpText: '',
      required: false,
      options: ['English', 'Spanish'],
      wordLimit: null,
      contentLanguage: 'en',
      labelTranslation: null,
      helpTextTranslation: null,
      optionsTranslation: null,
    })
    expect(
      QuestionSchema.parse({ kind: 'short_text', label: 'Your name?', options: 'a\nb' }).options,
    ).toEqual([])
  })

  it('keeps a word limit for long text only', () => {
    expect(
      QuestionSchema.parse({ kind: 'long_text', label: 'Tell us more', wordLimit: '250' })
        .wordLimit,
    ).toBe(250)
  })

  it('needs two options for a choice question and a sensible word limit', () => {
    expect(
      errorsOf(QuestionSchema, { kind: 'single_choice', label: 'Pick one', options: 'A' }),
    ).toEqual({ options: 'Give at least 2 options, one per line' })
    expect(
      errorsOf(QuestionSchema, { kind: 'long_text', label: 'Tell us', wordLimit: '-3' }),
    ).toEqual({ wordLimit: 'Enter a word limit from 1 to 5,000, or leave it empty' })
    expect(errorsOf(QuestionSchema, { kind: 'essay', label: 'Tell us' })).toEqual({
      kind: 'Choose the kind of answer',
    })
  })
})

describe('formatAnswer', () => {
  it('shows yes/no answers in words, lists joined and nothing as a dash', () => {
    const en = fixedT('en')
    expect(formatAnswer(en, 'yes_no', 'no')).toBe('No')
    expect(formatAnswer(en, 'yes_no', 'yes')).toBe('Yes')
    expect(formatAnswer(fixedT('es'), 'yes_no', 'yes')).toBe('Sí')
    expect(formatAnswer(en, 'multi_choice', ['A', 'B'])).toBe('A, B')
    expect(formatAnswer(en, 'short_text', '')).toBe('—')
    expect(formatAnswer(en, 'number', 12)).toBe('12')
  })
})
