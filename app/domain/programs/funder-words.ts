import type { ApplicationSort } from '#app/domain/applications/application-sorts.ts'
import type { ApplicationStatus } from '#app/domain/applications/application-status.ts'
import type { SdohDomain } from '#app/domain/places/sdoh.ts'
import type { VulnerabilityBand } from '#app/domain/places/vulnerability.ts'
import type { Currency, FundVisibility } from './funds.ts'
import type { QuestionKind } from './program-questions.ts'
import type { ProgramStatus } from './program-status.ts'

/**
 * The funder pages' words for each value of a vocabulary, as translation keys (docs/i18n.md: keys
 * are written out in full so the key check finds them). Components translate them with `t()`;
 * the CSV export with `fixedT(language)`.
 */
export const PROGRAM_STATUS_KEYS: Record<ProgramStatus, string> = {
  draft: 'common:programStatus.draft',
  open: 'common:programStatus.open',
  closed: 'common:programStatus.closed',
  in_review: 'common:programStatus.in_review',
  decided: 'common:programStatus.decided',
}

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

export const APPLICATION_STATUS_KEYS: Record<ApplicationStatus, string> = {
  draft: 'common:applicationStatus.draft',
  submitted: 'common:applicationStatus.submitted',
  in_review: 'common:applicationStatus.in_review',
  awarded: 'common:applicationStatus.awarded',
  declined: 'common:applicationStatus.declined',
  withdrawn: 'common:applicationStatus.withdrawn',
}

export const SDOH_KEYS: Record<SdohDomain, string> = {
  economic_stability: 'funder:sdoh.economic_stability',
  education: 'funder:sdoh.education',
  health_care: 'funder:sdoh.health_care',
  neighborhood: 'funder:sdoh.neighborhood',
  social_community: 'funder:sdoh.social_community',
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
