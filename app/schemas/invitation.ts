import { z } from 'zod'

/** Days an invitation link keeps working. */
export const INVITATION_DAYS = 14

export const RevokeInvitationSchema = z.object({ invitationId: z.string().uuid() })

/** The dashboard's Accept and Decline buttons. */
export const AnswerInvitationSchema = z.object({
  invitationId: z.string().uuid(),
  answer: z.enum(['accept', 'decline']),
})
