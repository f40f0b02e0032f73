import type { ApplicationSort } from '#app/domain/applications/application-sorts.ts'
import type { VulnerabilityBand } from '#app/domain/places/vulnerability.ts'
import type { Currency, FundVisibility } from './funds.ts'
import type { QuestionKind } from './program-questions.ts'
import type { ProgramStatus } from './program-status.ts'

/*
 * The funder pages' words for each value of a vocabulary, as translation keys (docs/i18n.md: keys
 * are written out in full so the key check finds them). Components translate them with `t()`;
 * the CSV export with `fixedT(language)`. The status and area names have one home each, beside
 * their vocabularies, and are re-exported here so the funder pages find all their words in one module.
 */
export { PROGRAM_STATUS_KEYS } from './program-status.ts'
export { STATUS_KEYS as APPLICATION_STATUS_KEYS } from '#app/domain/applications/application-status.ts'
export { SDOH_KEYS } from '#app/domain/places/sdoh.ts'

/** The button that moves a program to each status. */
export const TRANSITION_KEYS: Record<ProgramStatus, string> = {
  draft: 'funder:transition.draft',
  open: 'funder:transition.open',
  closed: 'funder:transition.closed',
  in_review: 'funder:transition.in_review',
  decided: 'funder:transition.decided',
}

/** What the program's status means, on its overview. */
export function programStatusSentenceKey(status: ProgramStatus, accepting: boolean): string {
  switch (status) {
    case 'draft':
      return 'funder:statusSentence.draft'
    case 'open':
      return accepting ? 'funder:statusSentence.openAccepting' : 'funder:statusSentence.openLater'
    case 'closed':
      return 'funder:statusSentence.closed'
    case 'in_review':
      return 'funder:statusSentence.in_review'
    case 'decided':
      return 'funder:statusSentence.decided'
  }
}

export const VULNERABILITY_BAND_KEYS: Record<VulnerabilityBand, string> = {
  '0-25': 'funder:vulnerabilityBand.0-25',
  '25-50': 'funder:vulnerabilityBand.25-50',
  '50-75': 'funder:vulnerabilityBand.50-75',
  '75-100': 'funder:vulnerabilityBand.75-100',
  unknown: 'funder:vulnerabilityBand.unknown',
}

export const QUESTION_KIND_KEYS: Record<QuestionKind, string> = {
  short_text: 'funder:questionKind.short_text',
  long_text: 'funder:questionKind.long_text',
  single_choice: 'funder:questionKind.single_choice',
  multi_choice: 'funder:questionKind.multi_choice',
  number: 'funder:questionKind.number',
  yes_no: 'funder:questionKind.yes_no',
  file: 'funder:questionKind.file',
}

export const CURRENCY_KEYS: Record<Currency, string> = {
  USD: 'funder:currency.USD',
  CAD: 'funder:currency.CAD',
  EUR: 'funder:currency.EUR',
  GBP: 'funder:currency.GBP',
  MXN: 'funder:currency.MXN',
}

/** The visibility as a choice (with what it means) and as a short fact. */
export const VISIBILITY_CHOICE_KEYS: Record<FundVisibility, string> = {
  public: 'funder:visibility.publicChoice',
  private: 'funder:visibility.privateChoice',
}
export const VISIBILITY_KEYS: Record<FundVisibility, string> = {
  public: 'funder:visibility.public',
  private: 'funder:visibility.private',
}

export const SORT_KEYS: Record<ApplicationSort, string> = {
  newest: 'funder:sort.newest',
  oldest: 'funder:sort.oldest',
  amount: 'funder:sort.amount',
  vulnerability: 'funder:sort.vulnerability',
}
