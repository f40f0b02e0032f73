import { describe, expect, it } from 'vitest'
import type { ZodError } from 'zod'
import { ChangePasswordSchema, LoginSchema, SignupSchema } from '#app/schemas/auth.ts'
import { fieldErrors } from '#app/utils/forms.server.ts'
import { english } from '#tests/support/english.ts'

const valid = { name: 'Ana Ruiz', email: 'Ana@Example.org ', password: 'bright river morning' }

function errorsOf(result: { success: boolean; error?: ZodError }) {
  if (result.success || !result.error) return {}
  // The schemas give keys; the checks read what an English reader sees.
  return Object.fromEntries(
    Object.entries(fieldErrors(result.error)).map(([k, v]) => [k, english(v)]),
  )
}

describe('sign-up schema', () => {
  it('accepts a good sign-up and normalises the email', () => {
    const parsed = SignupSchema.parse(valid)
    expect(parsed.email).toBe('ana@example.org')
  })

  it.each([
    ['a malformed email', { email: 'ana@' }, 'email', /email address like/],
    ['an empty email', { email: '' }, 'email', /Enter your email/],
    ['a short password', { password: 'short pass' }, 'password', /at least 12/],
    ['a common password', { password: 'Password1234' }, 'password', /too common/],
    ['a repetitive password', { password: 'abababababab' }, 'password', /less repetitive/],
    [
      'a password containing the email name',
      { password: 'my-ana-password' },
      'password',
      /email name/,
    ],
    ['an over-long name', { name: 'x'.repeat(101) }, 'name', /at most 100/],
    ['a blank name', { name: '   ' }, 'name', /Enter your name/],
  ])('refuses %s with a message on that field', (_label, change, field, message) => {
    const errors = errorsOf(SignupSchema.safeParse({ ...valid, ...change }))
    expect(errors[field]).toMatch(message)
  })
})

describe('login schema', () => {
  it('does not apply new-password rules to existing passwords', () => {
    expect(LoginSchema.safeParse({ email: 'a@b.org', password: 'short' }).success).toBe(true)
  })
  it('asks for both fields', () => {
    const errors = errorsOf(LoginSchema.safeParse({ email: '', password: '' }))
    expect(Object.keys(errors).sort()).toEqual(['email', 'password'])
  })
})

describe('change-password schema', () => {
  it('refuses mismatched confirmation on the confirmation field', () => {
    const errors = errorsOf(
      ChangePasswordSchema.safeParse({
        currentPassword: 'old one',
        newPassword: 'a brand new passphrase',
        confirmPassword: 'a brand new passphrasf',
      }),
    )
    expect(errors).toEqual({ confirmPassword: 'The two new passwords do not match' })
  })
})
