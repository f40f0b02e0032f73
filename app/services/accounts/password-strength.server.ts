import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'

/**
 * zxcvbn's scores run 0–4; 3 means "safely unguessable: moderate protection from an offline
 * attack". Anything lower is refused with zxcvbn's own reason.
 */
const MIN_SCORE = 3

let estimator: ZxcvbnFactory | undefined

/**
 * Built on first use and kept: loading the dictionaries takes most of a second, so no request
 * pays it twice, and processes that never check a password never pay it at all.
 */
function zxcvbn() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    // Warnings come back as translation keys (validation:password.weak.<warning>), shown in the
    // reader's language like every other message.
    translations: {
      ...english.translations,
      warnings: Object.fromEntries(
        Object.keys(english.translations.warnings).map((id) => [
          id,
          `validation:password.weak.${id}`,
        ]),
      ) as typeof english.translations.warnings,
    },
  })
  return estimator
}

/**
 * Why a new password is too easy to guess, in words a person can act on, or null when it is
 * strong enough. `related` are things an attacker would try first (the person's name and email).
 */
export function passwordWeakness(password: string, related: string[] = []): string | null {
  const result = zxcvbn().check(password, related.filter(Boolean))
  if (result.score >= MIN_SCORE) return null
  return explain(result)
}

/** The key of zxcvbn's warning (see WEAKNESS_KEYS), or the general one. */
function explain({ feedback }: ZxcvbnResult) {
  const key = feedback.warning
  return key && (WEAKNESS_KEYS as readonly string[]).includes(key)
    ? key
    : 'validation:password.weak.generic'
}

/** Listed in full, so the translation key check sees every one in use. */
export const WEAKNESS_KEYS = [
  'validation:password.weak.straightRow',
  'validation:password.weak.keyPattern',
  'validation:password.weak.simpleRepeat',
  'validation:password.weak.extendedRepeat',
  'validation:password.weak.sequences',
  'validation:password.weak.recentYears',
  'validation:password.weak.dates',
  'validation:password.weak.topTen',
  'validation:password.weak.topHundred',
  'validation:password.weak.common',
  'validation:password.weak.similarToCommon',
  'validation:password.weak.wordByItself',
  'validation:password.weak.namesByThemselves',
  'validation:password.weak.commonNames',
  'validation:password.weak.userInputs',
  'validation:password.weak.pwned',
] as const
