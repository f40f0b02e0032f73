import { z } from 'zod'

/**
 * A volunteer accepts the data-protection agreement of a request whose work touches community
 * members' personal or health data; the box must be ticked (the browser posts "on").
 */
export const DataAgreementSchema = z.object({
  accept: z.preprocess(
    (v) => v === true || v === 'on',
    z.literal(true, {
      errorMap: () => ({ message: 'validation:volunteers.acceptAgreement' }),
    }),
  ),
})
export type DataAgreementInput = z.input<typeof DataAgreementSchema>
