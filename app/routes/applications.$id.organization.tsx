import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Card } from '#app/components/card.tsx'
import { SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import {
  LIVED_EXPERIENCE,
  LIVED_EXPERIENCE_LABELS,
} from '#app/domain/applications/application-steps.ts'
import { OrganizationStepSchema } from '#app/schemas/applications/application.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireEditableStep(request, params.id, 'organization')
  const a = loaded.application
  return {
    id: a.id,
    organizationName: loaded.organization.name,
    values: {
      version: String(a.version),
      leadership: a.leadership,
      ledByLivedExperience: a.ledByLivedExperience as (typeof LIVED_EXPERIENCE)[number] | '',
      contactName: a.contactName,
      contactEmail: a.contactEmail,
    },
  }
}

export const action = (args: ActionFunctionArgs) =>
  handleStepSave(args, 'organization', OrganizationStepSchema, async (data) => ({
    step: 'organization',
    data,
  }))

export default function OrganizationStep() {
  const { values } = useLoaderData<typeof loader>()
  return <Editor key={useStepVersion(values.version)} />
}

function Editor() {
  const { id, organizationName, values } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(OrganizationStepSchema, { failure, defaultValues: values })
  return (
    <Card title="Organisation and leadership">
      <p className="hint">
        We filled this in from {organizationName}’s profile. Changes here apply to this application
        only.
      </p>
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="organization"
        version={Number(values.version)}
      >
        <TextareaField
          label="Who leads your organisation?"
          hint="Funders weigh leadership by people with lived experience of the issue."
          rows={5}
          required
          error={form.errorOf('leadership')}
          {...form.field('leadership')}
        />
        <SelectField
          label="Do your leaders share the experience of the community you serve?"
          placeholder="Choose one"
          required
          options={LIVED_EXPERIENCE.map((v) => ({ value: v, label: LIVED_EXPERIENCE_LABELS[v] }))}
          error={form.errorOf('ledByLivedExperience')}
          {...form.field('ledByLivedExperience')}
        />
        <TextField
          label="Contact person"
          autoComplete="name"
          required
          error={form.errorOf('contactName')}
          {...form.field('contactName')}
        />
        <TextField
          label="Contact email"
          type="email"
          autoComplete="email"
          required
          error={form.errorOf('contactEmail')}
          {...form.field('contactEmail')}
        />
      </StepForm>
    </Card>
  )
}
