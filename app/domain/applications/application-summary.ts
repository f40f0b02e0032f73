import type { Language } from '#app/lib/i18n/config.ts'
import type { AnswerValue, QuestionKind } from '#app/domain/programs/program-questions.ts'
import type { WorkMode } from '#app/domain/skills.ts'

/**
 * Everything a reader of an application sees, in display order, as the service hands it to the
 * page (and the summary component reads it): plain values only, so it serialises as it is.
 */
export interface ApplicationSummary {
  organizationName: string
  currency: string
  leadership: string
  ledByLivedExperience: string
  contactName: string
  contactEmail: string
  communityServed: string
  places: { fips: string; label: string; svi: number }[]
  placesOutsideUs: string
  placeVulnerability: number | null
  placeVulnerabilityYear: number | null
  title: string
  summary: string
  sdohDomains: string[]
  amountRequestedMinor: number | null
  budgetLines: { description: string; amountMinor: number }[]
  skillRequests: {
    skill: string
    hours: number
    workMode: WorkMode
    languages: string[]
    description: string
  }[]
  /** The question in the reader's language (else the other: `labelLang` says which). */
  answers: {
    id: string
    kind: QuestionKind
    label: string
    labelLang: Language
    value: AnswerValue
  }[]
  /** The language each step was written in, when known (saved before this was recorded: absent). */
  stepLanguages: Partial<Record<string, Language>>
}
