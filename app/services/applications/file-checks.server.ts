import { readFile } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'
import { ALLOWED_FILE_TYPES, fileProblem } from '#app/domain/file-types.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { fail, type Result } from '#app/domain/result.ts'

type Extension = keyof typeof ALLOWED_FILE_TYPES

/**
 * What `file-type` must find inside a file for each extension we accept (a renamed .exe is not a
 * PDF, and a ZIP without Word's [Content_Types].xml is not a .docx). Old Office files are all one
 * container format (cfb). Plain text has no signature at all: null means "check it as text".
 */
const DETECTED_AS: Record<Extension, readonly string[] | null> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg'],
  jpeg: ['jpg'],
  gif: ['gif'],
  webp: ['webp'],
  doc: ['cfb'],
  xls: ['cfb'],
  ppt: ['cfb'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  txt: null,
  csv: null,
}

/** The longest name we store; longer ones keep their start and their extension. */
export const MAX_FILE_NAME_LENGTH = 200

/**
 * Path separators and control characters become "_", so a name can never address a path, and a
 * very long name is shortened in the middle, keeping the extension that decides its type.
 */
export function safeFileName(name: string) {
  const cleaned = [...name]
    .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 || c === '\u007f' ? '_' : c))
    .join('')
    .trim()
  const chars = [...cleaned]
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned || 'file'
  const dot = cleaned.lastIndexOf('.')
  const extension = dot > 0 ? [...cleaned.slice(dot)].slice(0, 20).join('') : ''
  return `${chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length - 1).join('')}…${extension}`
}

/** Why a file was refused, in words the audit log keeps (the message is for the person). */
export type UploadRefusal = 'type_not_accepted' | 'empty' | 'too_large' | 'content_mismatch'

export type FileVerdict = Result<
  { extension: Extension; contentType: string; fileName: string },
  { message: Message; reason: UploadRefusal }
>

/** Text files: valid UTF-8 with no NUL bytes (what binary data almost never is). */
async function isPlainText(filePath: string) {
  const bytes = await readFile(filePath)
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Decides whether an upload (already on disk) is acceptable, by name, size and content, never by
 * the browser's word: the extension and what is found inside must agree.
 */
export async function checkUpload(
  fileName: string,
  file: { path: string; sizeBytes: number },
): Promise<FileVerdict> {
  const cleanName = safeFileName(fileName)
  const problem = fileProblem(cleanName, file.sizeBytes)
  const ext = cleanName.toLowerCase().split('.').pop() as Extension
  if (problem) {
    const reason = !(ext in ALLOWED_FILE_TYPES)
      ? 'type_not_accepted'
      : file.sizeBytes === 0
        ? 'empty'
        : 'too_large'
    return fail({ message: problem, reason })
  }
  const expected = DETECTED_AS[ext]
  const detected = await fileTypeFromFile(file.path)
  const matches = expected
    ? !!detected && expected.includes(detected.ext)
    : !detected && (await isPlainText(file.path))
  if (!matches && !expected) {
    return fail({
      reason: 'content_mismatch',
      message: {
        key: 'applications:attachments.refusal.notPlainText',
        values: { name: cleanName, ext },
      },
    })
  }
  if (!matches) {
    return fail({
      reason: 'content_mismatch',
      message: {
        key: 'applications:attachments.refusal.contentMismatch',
        values: { name: cleanName, ext },
      },
    })
  }
  return { ok: true, extension: ext, contentType: ALLOWED_FILE_TYPES[ext], fileName: cleanName }
}
