import { Form } from '@remix-run/react'
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react'
import { useDraftBackup } from '#app/utils/use-draft-backup.ts'
import type { FormFailure } from '#app/utils/forms.ts'
import { Button } from './button.tsx'
import { DraftBackupBanner } from './draft-backup-banner.tsx'
import { FormError } from './field.tsx'

/**
 * The frame of every application step: the version the user is editing (for conflict
 * detection), the browser-side backup of unsaved edits, and the save buttons. Render it with
 * `key={version}` so a newer saved version always starts from fresh fields.
 */
export function StepForm({
  applicationId,
  step,
  version,
  failure,
  formError,
  onSubmit,
  setVersion,
  busy,
  children,
}: {
  applicationId: string
  step: string
  version: number
  failure: FormFailure | undefined
  formError: string | undefined
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  setVersion: (version: string) => void
  busy: boolean
  children: ReactNode
}) {
  const ref = useRef<HTMLFormElement>(null)
  const backup = useDraftBackup(`${applicationId}:${step}`, version, ref)
  const conflictVersion = failure?.values.version
  // After a conflict the form carries the newer version, so saving again is a deliberate overwrite.
  useEffect(() => {
    if (typeof conflictVersion === 'string') setVersion(conflictVersion)
  }, [conflictVersion, setVersion])
  return (
    <>
      <DraftBackupBanner {...backup} />
      <Form method="post" ref={ref} noValidate onSubmit={onSubmit} className="stack wide">
        <FormError message={formError} />
        {children}
        <div className="actions">
          <Button name="intent" value="next" busy={busy}>
            Save and continue
          </Button>
          <Button variant="secondary" name="intent" value="stay" busy={busy}>
            Save
          </Button>
        </div>
      </Form>
    </>
  )
}
