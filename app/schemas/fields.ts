import { z } from 'zod'

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
  .string({ required_error: 'Enter your email address' })
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'Email addresses are at most 254 characters')
  .email('Enter an email address like name@example.org')
  .transform((v) => v.toLowerCase())

/** A new password (sign-up, change). Length beats complexity rules; common choices are refused. */
export const NewPasswordSchema = z
  .string({ required_error: 'Choose a password' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine(
    (v) => !COMMON_PASSWORDS.has(v.toLowerCase()),
    'That password is too common; choose another',
  )
  .refine((v) => new Set(v).size >= 5, 'Use a less repetitive password')

export const NameSchema = z
  .string({ required_error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(100, 'Names are at most 100 characters')

/** Optional free text with a length cap; empty input is an empty string, never undefined. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters`)
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
