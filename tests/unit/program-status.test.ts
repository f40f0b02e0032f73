import { describe, expect, it } from 'vitest'
import {
  areQuestionsLocked,
  canTransition,
  effectiveStatus,
  isAcceptingApplications,
  isRubricLocked,
  PROGRAM_STATUSES,
} from '#app/domain/programs/program-status.ts'
import { programStatusSentenceKey } from '#app/domain/programs/funder-words.ts'
import { fixedT } from '#app/utils/i18n.server.ts'

const now = new Date('2027-06-30T12:00:00Z')

describe('effectiveStatus', () => {
  it('reads an open program past its deadline as closed, to the millisecond', () => {
    const deadline = new Date('2027-06-30T12:00:00Z')
    expect(effectiveStatus({ status: 'open', closesAt: deadline }, now)).toBe('closed')
    expect(effectiveStatus({ status: 'open', closesAt: new Date(now.getTime() + 1) }, now)).toBe(
      'open',
    )
  })

  it('accepts ISO strings (loader data) as well as dates', () => {
    expect(effectiveStatus({ status: 'open', closesAt: '2027-06-29T00:00:00Z' }, now)).toBe(
      'closed',
    )
  })

  it('leaves every other status alone, deadline or not', () => {
    for (const status of PROGRAM_STATUSES.filter((s) => s !== 'open')) {
      expect(effectiveStatus({ status, closesAt: new Date(0) }, now)).toBe(status)
    }
    expect(effectiveStatus({ status: 'open', closesAt: null }, now)).toBe('open')
  })
})

describe('isAcceptingApplications', () => {
  const open = { status: 'open' as const, closesAt: new Date('2027-07-01T00:00:00Z') }
  it('is true between opening and closing', () => {
    expect(isAcceptingApplications({ ...open, opensAt: new Date('2027-06-01') }, now)).toBe(true)
    expect(isAcceptingApplications({ ...open, opensAt: null }, now)).toBe(true)
  })
  it('is false before the opening time, after the deadline, and for drafts', () => {
    expect(isAcceptingApplications({ ...open, opensAt: new Date('2027-07-01') }, now)).toBe(false)
    expect(
      isAcceptingApplications({ ...open, closesAt: new Date('2027-06-01'), opensAt: null }, now),
    ).toBe(false)
    expect(isAcceptingApplications({ ...open, status: 'draft', opensAt: null }, now)).toBe(false)
  })
})

describe('transitions', () => {
  it('move one step forward only', () => {
    expect(canTransition('draft', 'open')).toBe(true)
    expect(canTransition('open', 'closed')).toBe(true)
    expect(canTransition('closed', 'in_review')).toBe(true)
    expect(canTransition('in_review', 'decided')).toBe(true)
    expect(canTransition('draft', 'closed')).toBe(false)
    expect(canTransition('open', 'draft')).toBe(false)
    expect(canTransition('decided', 'open')).toBe(false)
    expect(canTransition('closed', 'open')).toBe(false)
  })

  it('lock the rubric from review on, and the questions from closing on', () => {
    expect(PROGRAM_STATUSES.filter(isRubricLocked)).toEqual(['in_review', 'decided'])
    expect(PROGRAM_STATUSES.filter(areQuestionsLocked)).toEqual(['closed', 'in_review', 'decided'])
  })
})

describe('programStatusSentenceKey', () => {
  it('says each status as a sentence, in the reader’s language', () => {
    const en = fixedT('en')
    const sentence = (status: Parameters<typeof programStatusSentenceKey>[0], accepting: boolean) =>
      en(programStatusSentenceKey(status, accepting))
    expect(sentence('draft', false)).toBe(
      'This program is a draft: only your organisation sees it.',
    )
    expect(sentence('open', true)).toBe('This program is open and accepting applications.')
    expect(sentence('open', false)).toBe(
      'This program is open, and accepts applications from its opening time.',
    )
    expect(sentence('in_review', false)).toBe('This program is in review.')
    expect(fixedT('es')(programStatusSentenceKey('in_review', false))).not.toMatch(/program/)
  })
})
