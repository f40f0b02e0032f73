import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Card } from '#app/components/card.tsx'
import { ChoiceFieldset } from '#app/components/choice-fieldset.tsx'
import { TextareaField, TextField } from '#app/components/field.tsx'
import { SDOH_DOMAINS, SDOH_KEYS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { PROJECT_SUMMARY_WORDS, ProjectStepSchema } from '#app/schemas/applications/application.ts'
import { WordCounter } from '#app/components/word-counter.tsx'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

export const handle: I18nHandle = { i18n: ['applications'] }

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
  const { t } = useTranslation('applications')
  return (
    <Card title={t('applications:project.title')}>
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="project"
        version={Number(values.version)}
      >
        <TextField
          label={t('applications:project.projectTitle')}
          required
          error={form.errorOf('title')}
          {...form.field('title')}
        />
        <TextareaField
          label={t('applications:project.summary')}
          hint={t('applications:project.summaryHint', { count: PROJECT_SUMMARY_WORDS })}
          rows={10}
          required
          error={form.errorOf('summary')}
          {...form.field('summary')}
        />
        <WordCounter text={form.watch('summary') ?? ''} limit={PROJECT_SUMMARY_WORDS} />
        <ChoiceFieldset
          legend={t('applications:project.sdohLegend')}
          hint={t('applications:steps.chooseAll')}
          name="sdohDomains"
          error={form.errorOf('sdohDomains')}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: t(SDOH_KEYS[d]) }))}
          choice={(v) => form.choice('sdohDomains', v)}
        />
      </StepForm>
    </Card>
  )
}
