import { z } from 'zod'
import { msg } from '#app/lib/i18n/message.ts'
import { EmailSchema } from '../fields.ts'

const REASON_MAX = 1000
const COMMENT_MAX = 4000

/** The conflict-of-interest gate: no conflict, or a conflict with its reason. */
export const DeclarationSchema = z.discriminatedUnion('declaration', [
  z.object({ declaration: z.literal('none') }),
  z.object({
    declaration: z.literal('conflict'),
    reason: z
      .string({ required_error: 'review:gate.reasonRequired' })
      .trim()
      .min(1, 'review:gate.reasonRequired')
      .max(REASON_MAX, msg('validation:tooLong', { count: REASON_MAX })),
  }),
])
export type DeclarationInput = z.infer<typeof DeclarationSchema>

/** Form names of one criterion's level and comment. */
export const levelField = (criterionId: string) => `level-${criterionId}`
export const commentField = (criterionId: string) => `comment-${criterionId}`

export interface ScoredCriterion {
  id: string
  maxScore: number
}

export interface ReviewInput {
  intent: 'save' | 'submit'
  overallComment: string
  scores: { criterionId: string; level: number | null; comment: string }[]
}

/**
 * The scoring form of a rubric, the same in the browser and the action: a level (1..max) and a
 * comment per criterion, an overall comment; "Submit review" needs every level, "Save" does not.
 */
export function reviewSchema(criteria: readonly ScoredCriterion[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.enum(['save', 'submit']),
    overallComment: z
      .string()
      .trim()
      .max(COMMENT_MAX, msg('validation:tooLong', { count: COMMENT_MAX }))
      .optional()
      .transform((v) => v ?? ''),
  }
  for (const c of criteria) {
    shape[levelField(c.id)] = z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null
        const n = Number(v)
        if (!Number.isInteger(n) || n < 1 || n > c.maxScore) {
          ctx.addIssue({
            code: 'custom',
            message: msg('review:score.outOfScale', { max: c.maxScore }),
          })
          return z.NEVER
        }
        return n
      })
    shape[commentField(c.id)] = z
      .string()
      .trim()
      .max(COMMENT_MAX, msg('validation:tooLong', { count: COMMENT_MAX }))
      .optional()
      .transform((v) => v ?? '')
  }
  return z
    .object(shape)
    .superRefine((value, ctx) => {
      if (value.intent !== 'submit') return
      for (const c of criteria) {
        if (value[levelField(c.id)] == null) {
          ctx.addIssue({
            code: 'custom',
            path: [levelField(c.id)],
            message: 'review:score.required',
          })
        }
      }
    })
    .transform((value): ReviewInput => ({
      intent: value.intent as ReviewInput['intent'],
      overallComment: value.overallComment as string,
      scores: criteria.map((c) => ({
        criterionId: c.id,
        level: value[levelField(c.id)] as number | null,
        comment: value[commentField(c.id)] as string,
      })),
    }))
}

/** The panel page's forms. */
export const PanelActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('add-staff'),
    userId: z
      .string({ required_error: 'review:panel.chooseStaff' })
      .uuid('review:panel.chooseStaff'),
  }),
  z.object({ intent: z.literal('invite'), email: EmailSchema }),
  z.object({ intent: z.literal('remove'), panelMemberId: z.string().uuid() }),
  z.object({ intent: z.literal('revoke'), invitationId: z.string().uuid() }),
])

/** The reviewer's ties, on their queue page. */
export const TieActionSchema = z.object({
  intent: z.enum(['add-tie', 'remove-tie']),
  organizationId: z
    .string({ required_error: 'review:refusals.noSuchGroup' })
    .uuid('review:refusals.noSuchGroup'),
})

/** The officer's review page: assign everyone, assign or take back one, reopen, remind. */
export const ReviewBoardActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('assign-all') }),
  z.object({
    intent: z.literal('assign'),
    applicationId: z.string().uuid(),
    reviewerUserId: z.string().uuid(),
  }),
  z.object({ intent: z.literal('unassign'), assignmentId: z.string().uuid() }),
  z.object({ intent: z.literal('reopen'), assignmentId: z.string().uuid() }),
  z.object({ intent: z.literal('remind') }),
])
