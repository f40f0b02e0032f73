import { data } from '@remix-run/node'
import type { Failure } from '#app/domain/result.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { formFailure } from './forms.server.ts'
import { throwNotFound } from './http.server.ts'

/**
 * The response to a service's refusal (docs/decisions/011-one-result-shape.md). A 404 throws the
 * not-found page. After a form post, the answer is the form's own failure shape: field errors
 * (the message under `form`), what was typed, and any problems to list, with the failure's status
 * (400 by default). Without a form, `{ message, problems }` with that status.
 */
export function refuse(failure: Failure, formData: FormData): ReturnType<typeof data<FormFailure>>
export function refuse(
  failure: Failure,
): ReturnType<typeof data<{ message: Message; problems: string[] }>>
export function refuse(failure: Failure, formData?: FormData) {
  const status = failure.status ?? 400
  if (status === 404) throwNotFound(failure.message)
  if (formData) {
    const errors = { ...failure.fieldErrors }
    if (failure.message) errors.form ??= failure.message
    const answer = formFailure(errors, formData, status)
    const problems = failure.problems?.length ? { problems: failure.problems } : {}
    return data<FormFailure>({ ...answer.data, ...problems }, answer.init ?? undefined)
  }
  const message = failure.message ?? 'common:errors.notDone'
  return data({ message, problems: failure.problems ?? [] }, { status })
}
