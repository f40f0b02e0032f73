import { contentLanguageOf, showList, showText, type ShownText } from '#app/domain/bilingual.ts'
import type { ScoreLevel } from '#app/domain/programs/rubric-template.ts'
import type { Language } from '#app/lib/i18n/config.ts'

/**
 * What funders write, in the reader's language when the funder gave it, else in the other with a
 * note (docs/decisions/015-bilingual-content.md). Every page that shows funder-written words
 * reads them through these, so the choice is made once.
 */

export function showFund(
  fund: { contentLanguage: string; description: string; descriptionTranslation: string | null },
  reader: Language,
): { description: ShownText } {
  const language = contentLanguageOf(fund.contentLanguage)
  return {
    description: showText(reader, {
      language,
      text: fund.description,
      translation: fund.descriptionTranslation,
    }),
  }
}

export type ProgramContent = {
  contentLanguage: string
  title: string
  titleTranslation: string | null
  description: string
  descriptionTranslation: string | null
  eligibility: string
  eligibilityTranslation: string | null
}

export function showProgram(program: ProgramContent, reader: Language) {
  const language = contentLanguageOf(program.contentLanguage)
  return {
    title: showText(reader, {
      language,
      text: program.title,
      translation: program.titleTranslation,
    }),
    description: showText(reader, {
      language,
      text: program.description,
      translation: program.descriptionTranslation,
    }),
    eligibility: showText(reader, {
      language,
      text: program.eligibility,
      translation: program.eligibilityTranslation,
    }),
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
  const language = contentLanguageOf(criterion.contentLanguage)
  return {
    label: showText(reader, {
      language,
      text: criterion.label,
      translation: criterion.labelTranslation,
    }),
    description: showText(reader, {
      language,
      text: criterion.description,
      translation: criterion.descriptionTranslation,
    }),
    /** Guidance by level, in the order of `levels`. */
    guidance: showList(
      reader,
      language,
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
  const language = contentLanguageOf(question.contentLanguage)
  return {
    label: showText(reader, {
      language,
      text: question.label,
      translation: question.labelTranslation,
    }),
    helpText: showText(reader, {
      language,
      text: question.helpText,
      translation: question.helpTextTranslation,
    }),
    /** The words shown for each option; the value posted and stored stays `options[i]`. */
    options: showList(reader, language, question.options, question.optionsTranslation),
  }
}

export type ShownQuestion = ReturnType<typeof showQuestion>
export type ShownCriterion = ReturnType<typeof showCriterion>
