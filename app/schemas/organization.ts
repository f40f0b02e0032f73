import { z } from 'zod'
import { BUDGET_BANDS, MEMBERSHIP_ROLES, ORGANIZATION_KINDS } from '#app/domain/organizations.ts'
import { EmailSchema, optionalText } from './fields.ts'

const profileFields = {
  name: z
    .string({ required_error: 'Enter the organisation’s name' })
    .trim()
    .min(2, 'Enter the organisation’s name (at least 2 characters)')
    .max(120, 'Names are at most 120 characters'),
  mission: optionalText(2000, 'Mission'),
  location: optionalText(200, 'Location'),
  leadership: optionalText(2000, 'Leadership'),
  communitiesServed: optionalText(2000, 'Communities served'),
  budgetBand: z
    .enum(BUDGET_BANDS, { errorMap: () => ({ message: 'Choose a budget band' }) })
    .or(z.literal(''))
    .optional()
    .transform((v) => (v ? v : null)),
  website: z
    .string()
    .trim()
    .max(300, 'Website addresses are at most 300 characters')
    .refine((v) => v === '' || /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(v), {
      message: 'Enter a full address starting with https://',
    })
    .optional()
    .transform((v) => v ?? ''),
}

export const OrganizationProfileSchema = z.object(profileFields)
export type OrganizationProfileInput = z.infer<typeof OrganizationProfileSchema>

export const NewOrganizationSchema = z.object({
  kind: z.enum(ORGANIZATION_KINDS, {
    errorMap: () => ({ message: 'Choose whether this is a community group or a funder' }),
  }),
  ...profileFields,
})
export type NewOrganizationInput = z.infer<typeof NewOrganizationSchema>

const RoleSchema = z.enum(MEMBERSHIP_ROLES, { errorMap: () => ({ message: 'Choose a role' }) })

export const AddMemberSchema = z.object({ email: EmailSchema, role: RoleSchema })
export type AddMemberInput = z.infer<typeof AddMemberSchema>

export const ChangeRoleSchema = z.object({ userId: z.string().uuid(), role: RoleSchema })
export const RemoveMemberSchema = z.object({ userId: z.string().uuid() })
