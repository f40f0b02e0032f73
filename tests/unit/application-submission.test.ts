import { describe, expect, it } from 'vitest'
import { english } from '#tests/support/english.ts'
import {
  submissionIssues,
  type ApplicationContent,
  type SubmissionContext,
} from '#app/schemas/applications/application-submission.ts'
import { budgetProblems } from '#app/schemas/applications/application-submission.ts'
import {
  BudgetStepSchema,
  ProjectStepSchema,
  SkillsStepSchema,
} from '#app/schemas/applications/application.ts'

const ctx: SubmissionContext = {
  currency: 'USD',
  minAwardMinor: 500_000,
  maxAwardMinor: 2_500_000,
  allowSkillRequests: true,
  eligibleStates: ['Ohio'],
  eligibleCountyFips: [],
  questions: [
    { id: 'q1', kind: 'long_text', label: 'Why now', required: true, options: [], wordLimit: 5 },
    {
      id: 'q2',
      kind: 'single_choice',
      label: 'Size',
      required: false,
      options: ['S', 'L'],
      wordLimit: null,
    },
    { id: 'q3', kind: 'file', label: 'Budget sheet', required: true, options: [], wordLimit: null },
  ],
}

const complete: ApplicationContent = {
  leadership: 'Led by mothers who live on the Eastside.',
  ledByLivedExperience: 'yes',
  contactName: 'María',
  contactEmail: 'maria@example.org',
  communityServed: 'Spanish-speaking families on the Eastside.',
  places: [{ fips: '39049', state: 'Ohio', label: 'Franklin County, Ohio' }],
  placesOutsideUs: '',
  title: 'Promotoras for health',
  summary:
    'Community health workers visit families, connect them to clinics, food and housing help.',
  sdohDomains: ['health_care'],
  amountRequestedMinor: 1_000_000,
  budgetLines: [
    { description: 'Stipends', amountMinor: 800_000 },
    { description: 'Materials', amountMinor: 200_000 },
  ],
  skillRequests: [],
  answers: { q1: 'Because the clinic closed.', q2: 'S' },
  attachmentCounts: { q3: 1 },
}

const issuesFor = (change: Partial<ApplicationContent>) =>
  submissionIssues(ctx, { ...complete, ...change }).map((i) => `${i.step}:${english(i.message)}`)

describe('submission check', () => {
  it('passes a complete application', () => {
    expect(submissionIssues(ctx, complete)).toEqual([])
  })

  it('says when budget lines do not add up to the request, on the budget step', () => {
    expect(issuesFor({ amountRequestedMinor: 1_200_000 })).toEqual([
      'budget:Your budget lines add up to $10,000.00; they must add up to the $12,000.00 you request',
    ])
  })

  it('refuses an amount outside the program’s range', () => {
    expect(issuesFor({ amountRequestedMinor: 9_000_000 })).toContain(
      'budget:Request between $5,000.00 and $25,000.00',
    )
  })

  it('refuses places outside the program', () => {
    expect(
      issuesFor({ places: [{ fips: '17031', state: 'Illinois', label: 'Cook County, Illinois' }] }),
    ).toEqual([
      'community:Cook County, Illinois is outside the places this program funds: it funds work in Ohio only.',
    ])
  })

  it('checks word limits, choices and required files', () => {
    expect(
      issuesFor({ answers: { q1: 'one two three four five six', q2: 'XL' }, attachmentCounts: {} }),
    ).toEqual([
      'questions:“Why now” is limited to 5 words',
      'questions:Choose one of the options for “Size”',
      'questions:Attach a file for “Budget sheet”',
    ])
  })

  it('lists every missing part of an empty application with its step', () => {
    const steps = new Set(
      submissionIssues(ctx, {
        ...complete,
        leadership: '',
        communityServed: '',
        places: [],
        title: '',
        amountRequestedMinor: null,
        budgetLines: [],
        answers: {},
      }).map((i) => i.step),
    )
    expect([...steps].sort()).toEqual([
      'budget',
      'community',
      'organization',
      'project',
      'questions',
    ])
  })
})

describe('step schemas', () => {
  it('accept an empty draft step', () => {
    expect(BudgetStepSchema.safeParse({ version: '1' }).success).toBe(true)
  })

  it('pair each budget amount with a description', () => {
    const result = BudgetStepSchema.safeParse({
      version: '2',
      amountRequested: '1,000',
      lines: [
        { description: '', amount: '500' },
        { description: 'Food', amount: '' },
        { description: '', amount: '' },
      ],
    })
    expect(result.success).toBe(false)
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(['lines.0.description', 'lines.1.amount'])
  })

  it('want whole hours for a skill request', () => {
    const bad = SkillsStepSchema.safeParse({
      version: '1',
      requests: [{ skill: 'legal', hours: '1.5' }],
    })
    expect(english(bad.error?.issues[0]?.message)).toBe('Enter whole hours between 1 and 2,000')
    const good = SkillsStepSchema.parse({
      version: '1',
      requests: [{ skill: 'legal', hours: '12' }],
    })
    expect(good.requests[0]?.hours).toBe(12)
  })

  it('ask for the hours of a chosen skill (a request of no hours is refused by the database)', () => {
    const result = SkillsStepSchema.safeParse({ version: '1', requests: [{ skill: 'legal' }] })
    expect(result.error?.issues[0]).toMatchObject({
      path: ['requests', 0, 'hours'],
      message: 'validation:application.skills.hours',
    })
  })

  it('enforce the summary word limit while drafting', () => {
    const result = ProjectStepSchema.safeParse({ version: '1', summary: 'word '.repeat(501) })
    expect(result.success).toBe(false)
  })
})

describe('budgetProblems', () => {
  const range = { currency: 'USD', minAwardMinor: 500_000, maxAwardMinor: 2_500_000 }
  const lines = (...amounts: number[]) => amounts.map((amountMinor) => ({ amountMinor }))

  it('accepts a request in range whose lines add up, and says nothing before a request', () => {
    expect(budgetProblems(range, 1_000_000, lines(600_000, 400_000))).toEqual({})
    expect(budgetProblems(range, null, lines(100))).toEqual({})
  })

  it('names a request below the minimum or above the maximum, and lines that do not add up', () => {
    const inEnglish = (problems: Record<string, string>) =>
      Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, english(v)]))
    expect(inEnglish(budgetProblems(range, 499_999, []))).toEqual({
      amountRequested: 'Request between $5,000.00 and $25,000.00',
    })
    expect(inEnglish(budgetProblems(range, 2_500_001, lines(2_500_000)))).toEqual({
      amountRequested: 'Request between $5,000.00 and $25,000.00',
      lines:
        'Your budget lines add up to $25,000.00; they must add up to the $25,000.01 you request',
    })
  })
})
