import { z } from 'zod'
import {
  GUARDRAIL_FLAGS,
  SCORE_BASES,
  type GuardrailFlag,
  type ScoreBasis,
} from '#app/domain/review/guardrails.ts'
import { MoneySchema } from '#app/lib/money.ts'

/**
 * The decision page's forms (issue 9, "Decision support"), the same in the browser and the
 * action: the program's guardrails, an officer's partial award, and accepting the proposal.
 */

/** A share typed as a percentage, 0–100 with at most two decimals; empty means no guardrail. */
const Percentage = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const n = Number(v.replace(',', '.'))
    const basisPoints = Math.round(n * 100)
    if (!Number.isFinite(n) || n < 0 || n > 100 || Math.abs(n * 100 - basisPoints) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: 'review:decide.guardrails.percentInvalid' })
      return z.NEVER
    }
    return basisPoints
  })

/** Form name of a guardrail's share. */
export const guardrailField = (flag: GuardrailFlag) => `share-${flag}` as const

export const GuardrailsSchema = z.object({
  intent: z.literal('guardrails'),
  'share-most_vulnerable_place': Percentage,
  'share-small_budget': Percentage,
  'share-community_led': Percentage,
})
export type GuardrailsInput = z.infer<typeof GuardrailsSchema>

/** The guardrails a parsed form sets, in basis points (flags left empty have none). */
export function guardrailShares(input: GuardrailsInput) {
  return GUARDRAIL_FLAGS.flatMap((flag) => {
    const basisPoints = input[guardrailField(flag)]
    return basisPoints === null ? [] : [{ flag, basisPoints }]
  })
}

export const PartialAmountSchema = z.object({
  intent: z.literal('amount'),
  applicationId: z.string().uuid('review:decide.amounts.chooseApplication'),
  amount: MoneySchema(
    'review:decide.amounts.amountRequired',
    'review:decide.amounts.amountInvalid',
  ),
})

/** One award of the proposal, posted as a hidden field "applicationId:amountMinor". */
const Award = z.string().transform((v, ctx) => {
  const [applicationId = '', amount = ''] = v.split(':')
  const amountMinor = Number(amount)
  if (!z.string().uuid().safeParse(applicationId).success || !Number.isSafeInteger(amountMinor)) {
    ctx.addIssue({ code: 'custom', message: 'review:decide.accept.changed' })
    return z.NEVER
  }
  return { applicationId, amountMinor }
})

export const AcceptProposalSchema = z.object({
  intent: z.literal('accept'),
  basis: z.enum(SCORE_BASES),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'review:decide.accept.changed'),
  awards: z
    .union([Award, z.array(Award)])
    .transform((a) => (Array.isArray(a) ? a : [a]))
    .pipe(z.array(z.object({ applicationId: z.string(), amountMinor: z.number() })).min(1)),
})

export const DecideActionSchema = z.discriminatedUnion('intent', [
  GuardrailsSchema,
  z.object({ intent: z.literal('suggested') }),
  PartialAmountSchema,
  z.object({ intent: z.literal('clear-amount'), applicationId: z.string().uuid() }),
  AcceptProposalSchema,
])
export type DecideAction = z.infer<typeof DecideActionSchema>

const Basis = z.enum(SCORE_BASES)

/** The decision page's query string: `?basis=raw|normalised`; anything else is the raw score. */
export function parseScoreBasis(search: URLSearchParams): ScoreBasis {
  const basis = Basis.safeParse(search.get('basis'))
  return basis.success ? basis.data : 'raw'
}
