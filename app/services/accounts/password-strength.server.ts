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
    translations: english.translations,
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

function explain({ feedback }: ZxcvbnResult) {
  const reason = feedback.warning ?? 'This password would be easy to guess.'
  const advice = feedback.suggestions.length
    ? feedback.suggestions.join(' ')
    : 'Add a few more uncommon words.'
  return `${reason} ${advice}`
}
