import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import {
  LIVED_EXPERIENCE,
  LIVED_EXPERIENCE_KEYS,
} from '#app/domain/applications/application-steps.ts'
import { EXCLUSIONS_MAX, OrganizationStepSchema } from '#app/schemas/applications/application.ts'
import { listReviewExclusions } from '#app/services/applications/application-drafts.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

export const handle: I18nHandle = { i18n: ['applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireEditableStep(request, params.id, 'organization')
  const a = loaded.application
  const excluded = await listReviewExclusions(a.id)
  return {
    id: a.id,
    organizationName: loaded.organization.name,
    values: {
      version: String(a.version),
      leadership: a.leadership,
      ledByLivedExperience: a.ledByLivedExperience as (typeof LIVED_EXPERIENCE)[number] | '',
      contactName: a.contactName,
      contactEmail: a.contactEmail,
      // Always EXCLUSIONS_MAX rows to fill in, the saved ones first.
      exclusions: Array.from(
        { length: EXCLUSIONS_MAX },
        (_, i) => excluded[i] ?? { name: '', email: '' },
      ),
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
  const { t } = useTranslation('applications')
  return (
    <Card title={t('applications:organization.title')}>
      <p className="hint">{t('applications:organization.prefilled', { name: organizationName })}</p>
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="organization"
        version={Number(values.version)}
      >
        <TextareaField
          label={t('applications:organization.leadership')}
          hint={t('applications:organization.leadershipHint')}
          rows={5}
          required
          error={form.errorOf('leadership')}
          {...form.field('leadership')}
        />
        <SelectField
          label={t('applications:organization.livedExperience.label')}
          placeholder={t('applications:steps.chooseOne')}
          required
          options={LIVED_EXPERIENCE.map((v) => ({ value: v, label: t(LIVED_EXPERIENCE_KEYS[v]) }))}
          error={form.errorOf('ledByLivedExperience')}
          {...form.field('ledByLivedExperience')}
        />
        <TextField
          label={t('applications:organization.contactName')}
          autoComplete="name"
          required
          error={form.errorOf('contactName')}
          {...form.field('contactName')}
        />
        <TextField
          label={t('applications:organization.contactEmail')}
          type="email"
          autoComplete="email"
          required
          error={form.errorOf('contactEmail')}
          {...form.field('contactEmail')}
        />
        <fieldset className="field">
          <legend>{t('applications:organization.exclusions.legend')}</legend>
          <p className="hint">
            {t('applications:organization.exclusions.hint', { count: EXCLUSIONS_MAX })}
          </p>
          <FormError message={form.errorOf('exclusions')} />
          <div className="rows">
            {Array.from({ length: EXCLUSIONS_MAX }, (_, i) => (
              <fieldset className="row-group" key={i}>
                <legend>{t('applications:organization.exclusions.person', { n: i + 1 })}</legend>
                <TextField
                  label={t('applications:organization.exclusions.name')}
                  autoComplete="off"
                  error={form.errorOf(`exclusions.${i}.name`)}
                  {...form.field(`exclusions.${i}.name`)}
                />
                <TextField
                  label={t('applications:organization.exclusions.email')}
                  type="email"
                  autoComplete="off"
                  error={form.errorOf(`exclusions.${i}.email`)}
                  {...form.field(`exclusions.${i}.email`)}
                />
              </fieldset>
            ))}
          </div>
        </fieldset>
      </StepForm>
    </Card>
  )
}
