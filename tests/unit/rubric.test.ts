import { describe, expect, it } from 'vitest'
import {
  isRubricComplete,
  levelsFor,
  rubricProblems,
  totalWeight,
  weightProblem,
} from '#app/domain/programs/rubric.ts'
import { RUBRIC_TEMPLATE, templateCriteria } from '#app/domain/programs/rubric-template.ts'
import { english } from '#tests/support/english.ts'

describe('the equity rubric template', () => {
  it('is complete as it stands: five criteria, weights summing to 100, guidance for every score', () => {
    expect(RUBRIC_TEMPLATE).toHaveLength(5)
    expect(totalWeight(RUBRIC_TEMPLATE)).toBe(100)
    expect(rubricProblems(RUBRIC_TEMPLATE)).toEqual([])
    for (const c of RUBRIC_TEMPLATE) {
      expect(c.levels.map((l) => l.score)).toEqual(
        Array.from({ length: c.maxScore }, (_, i) => i + 1),
      )
    }
  })

  it('covers leadership, reach, root causes (all five SDOH domains), voice and feasibility', () => {
    const labels = RUBRIC_TEMPLATE.map((c) => c.label).join(' | ')
    expect(labels).toMatch(/leadership/i)
    expect(labels).toMatch(/greatest barriers/i)
    expect(labels).toMatch(/root causes/i)
    expect(labels).toMatch(/voice and accountability/i)
    expect(labels).toMatch(/feasibility/i)
    const rootCauses = RUBRIC_TEMPLATE.find((c) => /root causes/i.test(c.label))!
    for (const domain of [
      'economic stability',
      'education access and quality',
      'health care access and quality',
      'neighbourhood and built environment',
      'social and community context',
    ]) {
      expect(rootCauses.description.toLowerCase()).toContain(domain)
    }
    expect(RUBRIC_TEMPLATE.filter((c) => c.isEquity).length).toBe(4)
  })

  it('hands out copies, so editing one program’s rubric never changes the template', () => {
    const copy = templateCriteria()
    copy[0]!.label = 'Changed'
    copy[0]!.levels[0]!.guidance = 'Changed'
    expect(RUBRIC_TEMPLATE[0]!.label).not.toBe('Changed')
    expect(RUBRIC_TEMPLATE[0]!.levels[0]!.guidance).not.toBe('Changed')
  })
})

describe('rubric completeness', () => {
  const criterion = (weight: number, guidance = 'ok', maxScore = 2) => ({
    label: `W${weight}`,
    weight,
    maxScore,
    levels: levelsFor(maxScore).map((l) => ({ ...l, guidance })),
  })

  it('needs at least one criterion', () => {
    expect(rubricProblems([]).map(english)).toEqual([
      'The rubric has no criteria; add at least one.',
    ])
  })

  it('needs weights that add up to exactly 100, and says what they add up to', () => {
    expect(english(weightProblem([criterion(60), criterion(30)])!)).toBe(
      'The weights add up to 90; they must add up to exactly 100.',
    )
    expect(weightProblem([criterion(60), criterion(40)])).toBeNull()
    expect(isRubricComplete([criterion(60), criterion(50)])).toBe(false)
  })

  it('refuses a criterion with no weight even when the rest add up', () => {
    expect(rubricProblems([criterion(100), criterion(0)]).map(english)).toEqual([
      '“W0” has no weight; give it a share of the 100 or remove it.',
    ])
  })

  it('needs guidance for every score level', () => {
    const missing = { ...criterion(100), levels: [{ score: 1, guidance: 'low' }] }
    expect(rubricProblems([missing]).map(english)).toEqual([
      '“W100” needs guidance for every score level.',
    ])
    expect(rubricProblems([criterion(100, '   ')])).toHaveLength(1)
  })

  it('resizes levels to a new highest score, keeping what was written', () => {
    const levels = [
      { score: 1, guidance: 'one' },
      { score: 2, guidance: 'two' },
      { score: 3, guidance: 'three' },
    ]
    expect(levelsFor(2, levels)).toEqual(levels.slice(0, 2))
    expect(levelsFor(4, levels)).toEqual([...levels, { score: 4, guidance: '' }])
  })
})
