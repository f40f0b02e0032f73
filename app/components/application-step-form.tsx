import type { Message } from '#app/lib/i18n/message.ts'
import { useActionData, useNavigation } from '@remix-run/react'
import { useEffect, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseFormRegisterReturn } from 'react-hook-form'
import type { FormFailure } from '#app/lib/forms.ts'
import { Button } from './button.tsx'
import { DraftBackupForm } from './draft-backup-form.tsx'

/** The parts of useValidatedForm's result the frame needs; every step schema has `version`. */
interface StepFormApi {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  formError: Message | undefined
  field: (name: 'version') => UseFormRegisterReturn & { defaultValue?: string }
  setValue: (name: 'version', value: never) => void
}

/**
 * The version a step's fields edit, to key the step's editor on: the loaded one, or the one a
 * save that was kept despite problems answered with. Keying on the answer remounts the fields
 * once, as the answer arrives, with what was posted; the reload of the page's data that follows
 * brings the same version, so what the person types meanwhile is not wiped.
 */
export function useStepVersion(loaded: string) {
  const answer = useActionData<FormFailure | undefined>()
  return answer?.savedVersion ?? loaded
}

/**
 * The frame of every application step: the version the user is editing (for conflict
 * detection), the browser-side backup of unsaved edits, and the save buttons. Render the step
 * with `key={useStepVersion(version)}` so a newer saved version always starts from fresh fields.
 */
export function StepForm({
  form,
  failure,
  applicationId,
  step,
  version,
  children,
}: {
  form: StepFormApi
  failure: FormFailure | undefined
  applicationId: string
  step: string
  version: number
  children: ReactNode
}) {
  const { t } = useTranslation('applications')
  const busy = useNavigation().state === 'submitting'
  const conflictVersion = failure?.values.version
  const { setValue } = form
  // After a conflict the form carries the newer version, so saving again is a deliberate overwrite.
  useEffect(() => {
    if (typeof conflictVersion === 'string') setValue('version', conflictVersion as never)
  }, [conflictVersion, setValue])
  return (
    <DraftBackupForm
      draft={{ key: `${applicationId}:${step}`, version }}
      form={form}
      className="stack wide"
    >
      <input type="hidden" {...form.field('version')} />
      {children}
      <div className="actions">
        <Button name="intent" value="next" busy={busy}>
          {t('applications:steps.saveAndContinue')}
        </Button>
        <Button variant="secondary" name="intent" value="stay" busy={busy}>
          {t('applications:steps.save')}
        </Button>
      </div>
    </DraftBackupForm>
  )
}
