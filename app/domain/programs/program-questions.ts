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

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  single_choice: 'Single choice',
  multi_choice: 'Multiple choice',
  number: 'Number',
  yes_no: 'Yes or no',
  file: 'File upload',
}

export const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'multi_choice']

export const isChoiceKind = (kind: QuestionKind) => CHOICE_KINDS.includes(kind)

/**
 * An answer as a reader sees it: yes/no questions in words, lists joined, nothing given as a
 * dash. The stored values ("yes", "no") are for machines.
 */
export function formatAnswer(kind: QuestionKind, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.join(', ') || '—'
  if (kind === 'yes_no') return value === 'yes' || value === true ? 'Yes' : 'No'
  return String(value)
}
