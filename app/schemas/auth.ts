import { z } from 'zod'
import { msg } from '#app/lib/i18n/message.ts'
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
    message: 'validation:password.containsEmail',
  })
export type SignupInput = z.infer<typeof SignupSchema>

export const LoginSchema = z.object({
  email: EmailSchema,
  // Existing passwords are checked, never re-validated: old accounts may predate today's rules.
  password: z
    .string()
    .min(1, 'validation:password.enter')
    .max(1024, msg('validation:password.tooLong', { count: 1024 })),
  redirectTo: z.string().optional(),
})
export type LoginInput = z.infer<typeof LoginSchema>

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation:password.enterCurrent').max(1024),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string().min(1, 'validation:password.repeat'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation:password.mismatch',
  })
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>

export const ForgotPasswordSchema = z.object({ email: EmailSchema })
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordSchema>

/** A new password from a reset link: the same strength rules as sign-up. */
export const ResetPasswordSchema = z
  .object({
    newPassword: NewPasswordSchema,
    confirmPassword: z.string().min(1, 'validation:password.repeat'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation:password.mismatch',
  })
export type ResetPasswordInput = z.infer<typeof ResetPasswordSchema>

export const ChangeEmailSchema = z.object({
  currentPassword: z.string().min(1, 'validation:password.enterCurrent').max(1024),
  newEmail: EmailSchema,
})
export type ChangeEmailInput = z.infer<typeof ChangeEmailSchema>
