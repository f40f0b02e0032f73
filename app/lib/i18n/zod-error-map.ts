import { z } from 'zod'
import { msg } from './message.ts'

/**
 * Zod's own issues (a string too short, a wrong type…) become keys with their values, translated
 * where they are shown like every other message. Messages a schema gives itself (`.min(1,
 * 'validation:name.required')`) are kept as they are. Installed once, by importing this module
 * (app/schemas/fields.ts does, so every schema has it on both sides).
 */
export const keyedErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return {
        message:
          issue.received === 'undefined' || issue.received === 'null'
            ? msg('validation:required')
            : msg('validation:invalidType'),
      }
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string')
        return {
          message:
            Number(issue.minimum) <= 1
              ? msg('validation:required')
              : msg('validation:tooShort', { count: Number(issue.minimum) }),
        }
      if (issue.type === 'array')
        return { message: msg('validation:tooFewItems', { count: Number(issue.minimum) }) }
      return { message: msg('validation:tooSmall', { minimum: Number(issue.minimum) }) }
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string')
        return { message: msg('validation:tooLong', { count: Number(issue.maximum) }) }
      if (issue.type === 'array')
        return { message: msg('validation:tooManyItems', { count: Number(issue.maximum) }) }
      return { message: msg('validation:tooBig', { maximum: Number(issue.maximum) }) }
    case z.ZodIssueCode.invalid_string:
      return { message: msg('validation:invalidFormat') }
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: msg('validation:invalidChoice') }
    case z.ZodIssueCode.invalid_date:
      return { message: msg('validation:invalidDate') }
    default:
      return {
        message:
          ctx.defaultError === 'Invalid input' ? msg('validation:invalid') : ctx.defaultError,
      }
  }
}

z.setErrorMap(keyedErrorMap)
