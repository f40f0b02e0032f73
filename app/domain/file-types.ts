import type { Message } from '#app/lib/i18n/message.ts'

/** What applicants may upload: documents and images funders can open without special software. */
export const ALLOWED_FILE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  csv: 'text/csv',
} as const

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const MAX_FILES_PER_APPLICATION = 20

/** For the file input's `accept` and the hint next to it. */
export const ACCEPT_ATTRIBUTE = Object.keys(ALLOWED_FILE_TYPES)
  .map((ext) => `.${ext}`)
  .join(',')
export const FILE_RULES_HINT = 'applications:attachments.rules'

/**
 * What is wrong with a file judged by its name and size alone, or null. The browser says so
 * before uploading anything; the server repeats it and then checks the content too.
 */
export function fileProblem(fileName: string, sizeBytes: number): Message | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? ''
  const values = { name: fileName }
  if (!(extension in ALLOWED_FILE_TYPES))
    return { key: 'applications:attachments.refusal.typeNotAccepted', values }
  if (sizeBytes === 0) return { key: 'applications:attachments.refusal.empty', values }
  if (sizeBytes > MAX_FILE_BYTES)
    return { key: 'applications:attachments.refusal.tooLarge', values }
  return null
}

/** A file's name as a message shows it: long names are cut, so the flash cookie stays small. */
export function shortFileName(name: string, max = 60) {
  const chars = [...name]
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`
}
