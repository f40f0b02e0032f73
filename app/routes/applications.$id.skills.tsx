import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import { SKILL_KEYS, SKILLS, WORK_MODE_KEYS, WORK_MODES } from '#app/domain/skills.ts'
import { SkillsStepSchema } from '#app/schemas/applications/application.ts'
import { applicationParts } from '#app/services/applications/application-content.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { rowCount } from '#app/lib/nested-values.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

const BLANK_ROWS = 1

export const handle: I18nHandle = { i18n: ['applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireEditableStep(request, params.id, 'skills')
  const a = loaded.application
  const { skills } = await applicationParts(a.id)
  const extra = readQuery(request).get('extra') ? 2 : 0
  const blank = { skill: '', hours: '', workMode: 'either', languages: '', description: '' }
  return {
    id: a.id,
    values: {
      version: String(a.version),
      requests: [
        ...skills.map((s) => ({
          skill: s.skill,
          hours: String(s.hours),
          workMode: s.workMode as string,
          languages: s.languages.join(', '),
          description: s.description,
        })),
        ...Array.from({ length: BLANK_ROWS + extra }, () => blank),
      ],
    },
  }
}

export const action = (args: ActionFunctionArgs) =>
  handleStepSave(args, 'skills', SkillsStepSchema, async (data) => ({ step: 'skills', data }))

export default function SkillsStep() {
  const { values } = useLoaderData<typeof loader>()
  return <Editor key={useStepVersion(values.version)} />
}

function Editor() {
  const { id, values } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(SkillsStepSchema, { failure, defaultValues: values })
  const rows = rowCount('requests', values.requests.length, failure?.values)
  const { t } = useTranslation('applications')
  return (
    <Card title={t('applications:skills.title')}>
      <p className="hint">{t('applications:skills.intro')}</p>
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="skills"
        version={Number(values.version)}
      >
        <div className="rows">
          {Array.from({ length: rows }, (_, i) => (
            <fieldset key={i} className="row-group">
              <legend>{t('applications:skills.request', { number: i + 1 })}</legend>
              <SelectField
                label={t('applications:skills.skillLabel')}
                placeholder={t('applications:skills.chooseSkill')}
                options={SKILLS.map((s) => ({ value: s, label: t(SKILL_KEYS[s]) }))}
                error={form.errorOf(`requests.${i}.skill`)}
                {...form.field(`requests.${i}.skill`)}
              />
              <TextField
                label={t('applications:skills.hours')}
                inputMode="numeric"
                error={form.errorOf(`requests.${i}.hours`)}
                {...form.field(`requests.${i}.hours`)}
              />
              <SelectField
                label={t('applications:skills.where')}
                options={WORK_MODES.map((m) => ({ value: m, label: t(WORK_MODE_KEYS[m]) }))}
                error={form.errorOf(`requests.${i}.workMode`)}
                {...form.field(`requests.${i}.workMode`)}
              />
              <TextField
                label={t('applications:skills.languages')}
                hint={t('applications:skills.languagesHint')}
                error={form.errorOf(`requests.${i}.languages`)}
                {...form.field(`requests.${i}.languages`)}
              />
              <TextareaField
                label={t('applications:skills.description')}
                rows={3}
                error={form.errorOf(`requests.${i}.description`)}
                {...form.field(`requests.${i}.description`)}
              />
            </fieldset>
          ))}
        </div>
        <p>
          <Button variant="secondary" name="intent" value="add-row">
            {t('applications:skills.addRequest')}
          </Button>
        </p>
      </StepForm>
    </Card>
  )
}
