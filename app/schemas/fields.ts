import { z } from 'zod'
// Zod's own issues become translation keys on both sides (docs/i18n.md).
import '#app/lib/i18n/zod-error-map.ts'
import { msg } from '#app/lib/i18n/message.ts'

/** Passwords people commonly choose; refused outright even when long enough. */
const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwerty123456',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'changeme1234',
  'administrator',
  'passwordpassword',
  'aaaaaaaaaaaa',
  'abcdefghijkl',
  'abc123abc123',
])

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

export const EmailSchema = z
  .string({ required_error: 'validation:email.required' })
  .trim()
  .min(1, 'validation:email.required')
  .max(254, msg('validation:email.tooLong', { count: 254 }))
  .email('validation:email.invalid')
  .transform((v) => v.toLowerCase())

/** A new password (sign-up, change). Length beats complexity rules; common choices are refused. */
export const NewPasswordSchema = z
  .string({ required_error: 'validation:password.choose' })
  .min(PASSWORD_MIN, msg('validation:password.tooShort', { count: PASSWORD_MIN }))
  .max(PASSWORD_MAX, msg('validation:password.tooLong', { count: PASSWORD_MAX }))
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), 'validation:password.common')
  .refine((v) => new Set(v).size >= 5, 'validation:password.repetitive')

export const NameSchema = z
  .string({ required_error: 'validation:name.required' })
  .trim()
  .min(1, 'validation:name.required')
  .max(100, msg('validation:name.tooLong', { count: 100 }))

/** Optional free text with a length cap; empty input is an empty string, never undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('validation:tooLong', { count: max }))
    .optional()
    .transform((v) => v ?? '')

/** An optional whole number typed into a text field: empty is null, anything else must fit. */
export const optionalWholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const n = Number(v)
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return n
    })
