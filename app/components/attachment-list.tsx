import { type Message, useMessage } from '#app/lib/i18n/message.ts'
import { Form } from '@remix-run/react'
import { ACCEPT_ATTRIBUTE, FILE_RULES_HINT } from '#app/domain/file-types.ts'
import { useUpload, type UploadState } from '#app/lib/use-upload.ts'

export type AttachmentRow = { id: string; fileName: string; sizeBytes: number }

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`

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
  if (!files.length) return <p className="hint">No files yet.</p>
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
                Remove<span className="visually-hidden"> {f.fileName}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** A small multipart form: choose a file and upload it, for one question or the general pile. */
export function UploadForm({
  applicationId,
  questionId,
  label,
  target,
  error,
}: {
  applicationId: string
  questionId: string | null
  label: string
  /** What the file is for, to tell this page's upload buttons apart. */
  target: string
  error?: Message
}) {
  const id = `upload-${questionId ?? 'general'}`
  const upload = useUpload()
  const tm = useMessage()
  const shownError = upload.state.phase === 'failed' ? upload.state.message : error
  return (
    <Form
      method="post"
      action={`/applications/${applicationId}/attachments`}
      encType="multipart/form-data"
      className="inline-form upload-form"
      // Our own message beside the field ("Choose a file to upload"), not the browser's bubble.
      noValidate
      onSubmit={upload.onSubmit}
    >
      <input type="hidden" name="questionId" value={questionId ?? ''} />
      <div className={shownError ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          {FILE_RULES_HINT}
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
        Upload<span className="visually-hidden"> {target}</span>
      </button>
      <UploadProgress state={upload.state} />
    </Form>
  )
}

/** The bar and its words; the live region reads out the start and the end, not every percent. */
function UploadProgress({ state }: { state: UploadState }) {
  const sending = state.phase === 'sending'
  return (
    <div className="upload-progress">
      <p role="status" className="visually-hidden">
        {sending ? `Uploading ${state.fileName}…` : ''}
      </p>
      {sending ? (
        <label>
          Uploading {state.fileName}: {Math.floor(state.percent)}%{' '}
          <progress max={100} value={state.percent} />
        </label>
      ) : null}
    </div>
  )
}
