import type { ReactNode } from 'react'
import type { FieldValues } from 'react-hook-form'
import type { z } from 'zod'
import type { FormFailure } from '#app/lib/forms.ts'
import type { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { Button } from './button.tsx'
import { EngagementForm } from './engagement-form.tsx'
import { TextareaField } from './field.tsx'

/**
 * The form that proposes an engagement: a volunteer's offer on a request, or a group's invitation
 * of a volunteer. Both post an optional note to the other side (`message`) with their intent's
 * button; whatever else a proposal names (an invitation's request) comes from `fields`, above it.
 */
export function ProposalForm<
  S extends z.ZodType<unknown, z.ZodTypeDef, FieldValues & { message?: string }>,
>({
  schema,
  intent,
  failure,
  defaultValues,
  messageLabel,
  submit,
  fields,
}: {
  schema: S
  intent: string
  failure: FormFailure | null | undefined
  defaultValues?: Partial<z.input<S>>
  messageLabel: string
  submit: string
  fields?: (form: ReturnType<typeof useValidatedForm<S>>) => ReactNode
}) {
  return (
    <EngagementForm
      schema={schema}
      intents={[intent]}
      failure={failure}
      defaultValues={defaultValues}
    >
      {(form) => (
        <>
          {fields?.(form)}
          <TextareaField
            label={messageLabel}
            error={form.errorOf('message')}
            // The schema's type holds `message`; a generic schema's paths are not known here.
            {...form.field('message' as never)}
          />
          <div>
            <Button name="intent" value={intent}>
              {submit}
            </Button>
          </div>
        </>
      )}
    </EngagementForm>
  )
}
