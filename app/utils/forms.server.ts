import { data } from '@remix-run/node'
import type { z } from 'zod'

import { isSecretField, type FieldErrors, type FormFailure } from '#app/lib/forms.ts'
import { nestValues } from '#app/lib/nested-values.ts'
import { readForm } from './request-body.server.ts'

/** Form data as plain values: repeated names become arrays, single names strings. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  return Object.fromEntries(
    [...new Set(formData.keys())].map((key) => {
      const all = formData.getAll(key).filter((v): v is string => typeof v === 'string')
      return [key, all.length > 1 ? all : (all[0] ?? '')]
    }),
  )
}

/** First message per field, in the shape the form components read. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : 'form'
    errors[key] ??= issue.message
  }
  return errors
}

function keptValues(raw: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !isSecretField(k)))
}

/**
 * Validates a submission with the same schema the browser used. On failure, returns the 400
 * response to send back: field errors plus the user's input, so nothing typed is lost.
 */
export async function parseForm<S extends z.ZodTypeAny>(
  source: Request | FormData,
  schema: S,
): Promise<
  | { ok: true; data: z.output<S>; formData: FormData }
  | { ok: false; response: ReturnType<typeof data<FormFailure>> }
> {
  const formData = source instanceof Request ? await readForm(source) : source
  const raw = formValues(formData)
  const parsed = await schema.safeParseAsync(nestValues(raw))
  if (parsed.success) return { ok: true, data: parsed.data as z.output<S>, formData }
  return { ok: false, response: formFailure(fieldErrors(parsed.error), raw) }
}

/** A refusal decided after validation (taken email, wrong password…), in the same shape. */
export function formFailure(
  errors: FieldErrors,
  raw: Record<string, string | string[]> | FormData,
  status = 400,
) {
  const values = keptValues(raw instanceof FormData ? formValues(raw) : raw)
  return data<FormFailure>({ errors, values }, { status })
}
