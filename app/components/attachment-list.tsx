import { type Message, useMessage } from '#app/lib/i18n/message.ts'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { ACCEPT_ATTRIBUTE, FILE_RULES_HINT } from '#app/domain/file-types.ts'
import { useUpload, type UploadState } from '#app/lib/use-upload.ts'

export type AttachmentRow = { id: string; fileName: string; sizeBytes: number }

/** "12 KB", "1.5 MB" in the reader's language (the unit symbols are the same in both). */
export function useFileSize() {
  const { t } = useTranslation('applications')
  const { locale } = useFormatters()
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? t('applications:attachments.sizeKb', {
          size: new Intl.NumberFormat(locale).format(Math.ceil(bytes / 1024)),
        })
      : t('applications:attachments.sizeMb', {
          size: new Intl.NumberFormat(locale, {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }).format(bytes / 1024 / 1024),
        })
}

/** Files already attached, each downloadable and (in a draft) removable. */
export function AttachmentList({
  applicationId,
  files,
  editable,
}: {
  applicationId: string
  files: AttachmentRow[]
  editable: boolean
}) {
  const { t } = useTranslation('applications')
  const size = useFileSize()
  if (!files.length) return <p className="hint">{t('applications:attachments.none')}</p>
  return (
    <ul className="plain-list">
      {files.map((f) => (
        <li key={f.id} className="inline-form">
          <a href={`/applications/${applicationId}/attachments/${f.id}`}>{f.fileName}</a>
          <span className="hint">({size(f.sizeBytes)})</span>
          {editable ? (
            <Form method="post" action={`/applications/${applicationId}/attachments`}>
              <input type="hidden" name="attachmentId" value={f.id} />
              <button type="submit" name="intent" value="remove" className="btn btn-link">
                {t('applications:steps.remove')}
                <span className="visually-hidden"> {f.fileName}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * A small multipart form: choose a file and upload it to `action` with the `fields` given (an
 * application's question or general pile, a grant report).
 */
export function UploadForm({
  id,
  action,
  fields,
  label,
  target,
  error,
}: {
  /** The file input's id, unique on the page. */
  id: string
  action: string
  fields: Record<string, string>
  label: string
  /** What the file is for, to tell this page's upload buttons apart. */
  target: string
  error?: Message
}) {
  const upload = useUpload()
  const tm = useMessage()
  const { t } = useTranslation('applications')
  const shownError = upload.state.phase === 'failed' ? upload.state.message : error
  return (
    <Form
      method="post"
      action={action}
      encType="multipart/form-data"
      className="inline-form upload-form"
      // Our own message beside the field ("Choose a file to upload"), not the browser's bubble.
      noValidate
      onSubmit={upload.onSubmit}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={shownError ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          {t(FILE_RULES_HINT)}
        </p>
        {shownError ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {tm(shownError)}
          </p>
        ) : null}
        <input
          id={id}
          type="file"
          name="file"
          accept={ACCEPT_ATTRIBUTE}
          required
          aria-describedby={[`${id}-hint`, shownError ? `${id}-error` : ''].join(' ').trim()}
          aria-invalid={shownError ? true : undefined}
        />
      </div>
      <button
        type="submit"
        name="intent"
        value="upload"
        className="btn btn-secondary"
        disabled={upload.state.phase === 'sending'}
      >
        {t('applications:attachments.upload')}
        <span className="visually-hidden"> {target}</span>
      </button>
      <UploadProgress state={upload.state} />
    </Form>
  )
}

/** The bar and its words; the live region reads out the start and the end, not every percent. */
function UploadProgress({ state }: { state: UploadState }) {
  const sending = state.phase === 'sending'
  const { t } = useTranslation('applications')
  const { locale } = useFormatters()
  return (
    <div className="upload-progress">
      <p role="status" className="visually-hidden">
        {sending ? t('applications:attachments.uploading', { name: state.fileName }) : ''}
      </p>
      {sending ? (
        <label>
          {t('applications:attachments.progress', {
            name: state.fileName,
            percent: new Intl.NumberFormat(locale, { style: 'percent' }).format(
              Math.floor(state.percent) / 100,
            ),
          })}{' '}
          <progress max={100} value={state.percent} />
        </label>
      ) : null}
    </div>
  )
}
