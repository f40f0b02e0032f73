import { z } from 'zod'
import { EmailSchema, NameSchema, NewPasswordSchema } from './fields.ts'

export const SignupSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    password: NewPasswordSchema,
    redirectTo: z.string().optional(),
  })
  .refine((v) => !v.password.toLowerCase().includes(v.email.split('@')[0] || '\u0000'), {
    path: ['password'],
    message: 'Your password must not contain your email name',
  })
export type SignupInput = z.infer<typeof SignupSchema>

export const LoginSchema = z.object({
  email: EmailSchema,
  // Existing passwords are checked, never re-validated: old accounts may predate today's rules.
  password: z.string().min(1, 'Enter your password').max(1024, 'That password is too long'),
  redirectTo: z.string().optional(),
})
export type LoginInput = z.infer<typeof LoginSchema>

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(1024),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string().min(1, 'Repeat the new password'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match',
  })
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>
