import type { Message } from '#app/lib/i18n/message.ts'
import { Form } from '@remix-run/react'
import { useRef, type FormEvent, type ReactNode } from 'react'
import type { DraftBackupKey } from '#app/lib/draft-backup.ts'
import { useDraftBackup } from '#app/lib/use-draft-backup.ts'
import { DraftBackupBanner } from './draft-backup-banner.tsx'
import { FormError } from './field.tsx'

/**
 * A posted form whose unsaved edits this browser keeps (never passwords), with the offer to
 * restore them above it and the form-wide error at its top. `form` is useValidatedForm's result.
 */
export function DraftBackupForm({
  draft,
  form,
  className = 'stack',
  children,
}: {
  draft: DraftBackupKey
  form: { onSubmit: (event: FormEvent<HTMLFormElement>) => void; formError: Message | undefined }
  className?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLFormElement>(null)
  const backup = useDraftBackup(draft.key, draft.version, ref)
  return (
    <>
      <DraftBackupBanner {...backup} />
      <Form method="post" ref={ref} noValidate onSubmit={form.onSubmit} className={className}>
        <FormError message={form.formError} />
        {children}
      </Form>
    </>
  )
}
