import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import { SKILL_LABELS, SKILLS, WORK_MODES } from '#app/domain/skills.ts'
import { SkillsStepSchema } from '#app/schemas/applications/application.ts'
import { applicationParts } from '#app/services/applications/application-content.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { rowCount } from '#app/lib/nested-values.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

const BLANK_ROWS = 1

const WORK_MODE_LABELS = { remote: 'Remote', on_site: 'On site', either: 'Either' } as const

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
  return (
    <Card title="Volunteer skills">
      <p className="hint">
        Besides money, you can ask for skilled volunteers: a lawyer, an accountant, a translator…
        This step is optional; leave it empty if you need no volunteer help.
      </p>
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
              <legend>Skill request {i + 1}</legend>
              <SelectField
                label="Skill"
                placeholder="Choose a skill"
                options={SKILLS.map((s) => ({ value: s, label: SKILL_LABELS[s] }))}
                error={form.errorOf(`requests.${i}.skill`)}
                {...form.field(`requests.${i}.skill`)}
              />
              <TextField
                label="Hours needed"
                inputMode="numeric"
                error={form.errorOf(`requests.${i}.hours`)}
                {...form.field(`requests.${i}.hours`)}
              />
              <SelectField
                label="Where"
                options={WORK_MODES.map((m) => ({ value: m, label: WORK_MODE_LABELS[m] }))}
                error={form.errorOf(`requests.${i}.workMode`)}
                {...form.field(`requests.${i}.workMode`)}
              />
              <TextField
                label="Languages"
                hint="Separate with commas, e.g. English, Spanish"
                error={form.errorOf(`requests.${i}.languages`)}
                {...form.field(`requests.${i}.languages`)}
              />
              <TextareaField
                label="What the volunteer would do"
                rows={3}
                error={form.errorOf(`requests.${i}.description`)}
                {...form.field(`requests.${i}.description`)}
              />
            </fieldset>
          ))}
        </div>
        <p>
          <Button variant="secondary" name="intent" value="add-row">
            Save and add another request
          </Button>
        </p>
      </StepForm>
    </Card>
  )
}
