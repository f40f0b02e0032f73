import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { FieldValues } from 'react-hook-form'
import type { z } from 'zod'
import { FormError } from '#app/components/field.tsx'
import type { FormFailure } from '#app/lib/forms.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

/**
 * One of the engagement page's small forms, checked in the browser with the schema its action
 * checks again. A page holds several, so a refusal shows only in the form it came from: the one
 * whose `intent` (and, for a row of hours, whose `hoursId`) the refused post carried.
 */
export function EngagementForm<S extends z.ZodType<unknown, z.ZodTypeDef, FieldValues>>({
  schema,
  intents,
  failure,
  rowId,
  defaultValues,
  children,
}: {
  schema: S
  intents: readonly string[]
  failure: FormFailure | null | undefined
  rowId?: string
  defaultValues?: Partial<z.input<S>>
  children: (form: ReturnType<typeof useValidatedForm<S>>) => ReactNode
}) {
  const intent = failure?.values.intent
  const mine =
    typeof intent === 'string' &&
    intents.includes(intent) &&
    (rowId === undefined || failure?.values.hoursId === rowId)
  // A row's id is a field like the others, so the browser's check sees it too.
  const form = useValidatedForm(schema, {
    failure: mine ? failure : null,
    defaultValues: rowId ? { ...defaultValues, hoursId: rowId } : defaultValues,
  })
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
      <FormError message={form.formError} />
      {rowId ? <input type="hidden" {...form.field('hoursId' as never)} /> : null}
      {children(form)}
    </Form>
  )
}
