import { Form } from '@remix-run/react'
import { ACCEPT_ATTRIBUTE, FILE_RULES_HINT } from '#app/domain/file-types.ts'

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
  error?: string
}) {
  const id = `upload-${questionId ?? 'general'}`
  return (
    <Form
      method="post"
      action={`/applications/${applicationId}/attachments`}
      encType="multipart/form-data"
      className="inline-form upload-form"
    >
      <input type="hidden" name="questionId" value={questionId ?? ''} />
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          {FILE_RULES_HINT}
        </p>
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
        <input
          id={id}
          type="file"
          name="file"
          accept={ACCEPT_ATTRIBUTE}
          required
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" name="intent" value="upload" className="btn btn-secondary">
        Upload<span className="visually-hidden"> {target}</span>
      </button>
    </Form>
  )
}
