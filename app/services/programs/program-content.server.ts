import { contentLanguageOf, showList, showText, type ShownText } from '#app/domain/bilingual.ts'
import type { ScoreLevel } from '#app/domain/programs/rubric-template.ts'
import type { Language } from '#app/lib/i18n/config.ts'

/**
 * What funders write, in the reader's language when the funder gave it, else in the other with a
 * note (docs/decisions/015-bilingual-content.md). Every page that shows funder-written words
 * reads them through these, so the choice is made once.
 */

/** One record's fields, each from its text and its translation. */
function reading(record: { contentLanguage: string }, reader: Language) {
  const language = contentLanguageOf(record.contentLanguage)
  return {
    field: (text: string, translation: string | null): ShownText =>
      showText(reader, { language, text, translation }),
    list: (items: readonly string[], translations: readonly string[] | null) =>
      showList(reader, language, items, translations),
  }
}

export function showFund(
  fund: { contentLanguage: string; description: string; descriptionTranslation: string | null },
  reader: Language,
) {
  const { field } = reading(fund, reader)
  return { description: field(fund.description, fund.descriptionTranslation) }
}

export function showProgram(
  program: {
    contentLanguage: string
    title: string
    titleTranslation: string | null
    description: string
    descriptionTranslation: string | null
    eligibility: string
    eligibilityTranslation: string | null
  },
  reader: Language,
) {
  const { field } = reading(program, reader)
  return {
    title: field(program.title, program.titleTranslation),
    description: field(program.description, program.descriptionTranslation),
    eligibility: field(program.eligibility, program.eligibilityTranslation),
  }
}

export function showCriterion(
  criterion: {
    contentLanguage: string
    label: string
    labelTranslation: string | null
    description: string
    descriptionTranslation: string | null
    levels: ScoreLevel[]
    guidanceTranslation: string[] | null
  },
  reader: Language,
) {
  const { field, list } = reading(criterion, reader)
  return {
    label: field(criterion.label, criterion.labelTranslation),
    description: field(criterion.description, criterion.descriptionTranslation),
    /** Guidance by level, in the order of `levels`. */
    guidance: list(
      criterion.levels.map((l) => l.guidance),
      criterion.guidanceTranslation,
    ),
  }
}

export function showQuestion(
  question: {
    contentLanguage: string
    label: string
    labelTranslation: string | null
    helpText: string
    helpTextTranslation: string | null
    options: string[]
    optionsTranslation: string[] | null
  },
  reader: Language,
) {
  const { field, list } = reading(question, reader)
  return {
    label: field(question.label, question.labelTranslation),
    helpText: field(question.helpText, question.helpTextTranslation),
    /** The words shown for each option; the value posted and stored stays `options[i]`. */
    options: list(question.options, question.optionsTranslation),
  }
}
