import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Card } from '#app/components/card.tsx'
import { ChoiceFieldset } from '#app/components/choice-fieldset.tsx'
import { TextareaField, TextField } from '#app/components/field.tsx'
import { SDOH_DOMAINS, SDOH_LABELS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { PROJECT_SUMMARY_WORDS, ProjectStepSchema } from '#app/schemas/applications/application.ts'
import { WordCounter } from '#app/components/word-counter.tsx'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireEditableStep(request, params.id, 'project')
  const a = loaded.application
  return {
    id: a.id,
    values: {
      version: String(a.version),
      title: a.title,
      summary: a.summary,
      sdohDomains: a.sdohDomains as SdohDomain[],
    },
  }
}

export const action = (args: ActionFunctionArgs) =>
  handleStepSave(args, 'project', ProjectStepSchema, async (data) => ({ step: 'project', data }))

export default function ProjectStep() {
  const { values } = useLoaderData<typeof loader>()
  return <Editor key={useStepVersion(values.version)} />
}

function Editor() {
  const { id, values } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(ProjectStepSchema, { failure, defaultValues: values })
  return (
    <Card title="The project">
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="project"
        version={Number(values.version)}
      >
        <TextField
          label="Project title"
          required
          error={form.errorOf('title')}
          {...form.field('title')}
        />
        <TextareaField
          label="What will you do, with whom, and what will change?"
          hint={`Up to ${PROJECT_SUMMARY_WORDS} words. Plain language is best.`}
          rows={10}
          required
          error={form.errorOf('summary')}
          {...form.field('summary')}
        />
        <WordCounter text={form.watch('summary') ?? ''} limit={PROJECT_SUMMARY_WORDS} />
        <ChoiceFieldset
          legend="Which social determinants of health does the project address?"
          hint="Choose all that apply."
          name="sdohDomains"
          error={form.errorOf('sdohDomains')}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: SDOH_LABELS[d] }))}
          choice={(v) => form.choice('sdohDomains', v)}
        />
      </StepForm>
    </Card>
  )
}
