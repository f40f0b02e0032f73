import { z } from 'zod'
import { BUDGET_BANDS, MEMBERSHIP_ROLES, ORGANIZATION_KINDS } from '#app/domain/organizations.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { EmailSchema, optionalText } from './fields.ts'

const profileFields = {
  name: z
    .string({ required_error: 'validation:organization.name.required' })
    .trim()
    .min(1, 'validation:organization.name.required')
    .min(2, msg('validation:organization.name.tooShort', { count: 2 }))
    .max(120, msg('validation:organization.name.tooLong', { count: 120 })),
  mission: optionalText(2000),
  location: optionalText(200),
  leadership: optionalText(2000),
  communitiesServed: optionalText(2000),
  budgetBand: z
    .enum(BUDGET_BANDS, {
      errorMap: () => ({ message: 'validation:organization.budgetBand.invalid' }),
    })
    .or(z.literal(''))
    .optional()
    .transform((v) => (v ? v : null)),
  website: z
    .string()
    .trim()
    .max(300, msg('validation:organization.website.tooLong', { count: 300 }))
    .refine((v) => v === '' || /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(v), {
      message: 'validation:organization.website.invalid',
    })
    .optional()
    .transform((v) => v ?? ''),
}

export const OrganizationProfileSchema = z.object(profileFields)
export type OrganizationProfileInput = z.infer<typeof OrganizationProfileSchema>

/**
 * What a donation receipt names as the recipient (docs/decisions/027-pdf-receipts.md): the legal
 * name when it differs from the display name, and the registration number (a US EIN such as
 * 12-3456789, or another country's charity number), both optional and set by owners only.
 */
const REGISTRATION_NUMBER = /^[\p{L}\p{N} .\-/]*$/u

export const OrganizationReceiptSchema = z.object({
  legalName: optionalText(200),
  registrationNumber: z
    .string()
    .trim()
    .max(50, msg('validation:tooLong', { count: 50 }))
    .refine((v) => REGISTRATION_NUMBER.test(v), {
      message: 'validation:organization.registrationNumber.invalid',
    })
    .optional()
    .transform((v) => v ?? ''),
})
export type OrganizationReceiptInput = z.infer<typeof OrganizationReceiptSchema>

export const NewOrganizationSchema = z.object({
  kind: z.enum(ORGANIZATION_KINDS, {
    errorMap: () => ({ message: 'validation:organization.kind.invalid' }),
  }),
  ...profileFields,
})
export type NewOrganizationInput = z.infer<typeof NewOrganizationSchema>

const RoleSchema = z.enum(MEMBERSHIP_ROLES, {
  errorMap: () => ({ message: 'validation:organization.role.invalid' }),
})

export const AddMemberSchema = z.object({ email: EmailSchema, role: RoleSchema })
export type AddMemberInput = z.infer<typeof AddMemberSchema>

export const ChangeRoleSchema = z.object({ userId: z.string().uuid(), role: RoleSchema })
export const RemoveMemberSchema = z.object({ userId: z.string().uuid() })
