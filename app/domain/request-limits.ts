import { MAX_FILE_BYTES } from './file-types.ts'

/** The largest plain form we read: far above any real one, far below harm. */
export const FORM_BODY_LIMIT = 1024 * 1024
/** One file of at most 10 MB, plus room for the multipart boundary, part headers and short fields. */
export const UPLOAD_BODY_LIMIT = MAX_FILE_BYTES + 64 * 1024

/**
 * The addresses that take an upload (the routes that read their body with `readUpload`; a test
 * holds the two lists together). Every other address takes at most a form.
 */
export const UPLOAD_PATHS: readonly RegExp[] = [
  /^\/applications\/[^/]+\/attachments\/?$/,
  /^\/grants\/[^/]+\/files\/?$/,
]

export const takesUpload = (path: string) => UPLOAD_PATHS.some((upload) => upload.test(path))
