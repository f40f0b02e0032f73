import type { TFunction } from 'i18next'
/** The kinds of answer a program's own question may ask for (the question_kind enum). */
export const QUESTION_KINDS = [
  'short_text',
  'long_text',
  'single_choice',
  'multi_choice',
  'number',
  'yes_no',
  'file',
] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

/** An answer to a program question as stored in applications.answers, by question id. */
export type AnswerValue = string | string[] | number | boolean | null

/** The two answers of a yes_no question. */
export const YES_NO = ['yes', 'no'] as const

export const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'multi_choice']

export const isChoiceKind = (kind: QuestionKind) => CHOICE_KINDS.includes(kind)

/**
 * An answer as a reader sees it: yes/no questions in the reader's words, lists joined, nothing
 * given as a dash. The stored values ("yes", "no") are for machines; chosen options stay as the
 * funder wrote them (docs/decisions/015-bilingual-content.md).
 */
export function formatAnswer(t: TFunction, kind: QuestionKind, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.join(', ') || '—'
  if (kind === 'yes_no') {
    return value === 'yes' || value === true
      ? t('applications:questions.yes')
      : t('applications:questions.no')
  }
  return String(value)
}
