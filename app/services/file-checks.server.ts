import { ALLOWED_FILE_TYPES, fileProblem } from '#app/domain/file-types.ts'

type Extension = keyof typeof ALLOWED_FILE_TYPES

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b)

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** What the first bytes must look like for each extension (a renamed .exe is not a PDF). */
const SIGNATURES: Record<Extension, (b: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46]),
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  jpeg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  gif: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]),
  webp: (b) =>
    startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8),
  doc: (b) => startsWith(b, OLE),
  xls: (b) => startsWith(b, OLE),
  ppt: (b) => startsWith(b, OLE),
  docx: (b) => startsWith(b, ZIP),
  xlsx: (b) => startsWith(b, ZIP),
  pptx: (b) => startsWith(b, ZIP),
  odt: (b) => startsWith(b, ZIP),
  ods: (b) => startsWith(b, ZIP),
  txt: (b) => !b.subarray(0, 4096).includes(0),
  csv: (b) => !b.subarray(0, 4096).includes(0),
}

/** Path separators and control characters become "_", so a name can never address a path. */
function safeFileName(name: string) {
  const cleaned = [...name]
    .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c))
    .join('')
    .trim()
  return cleaned.slice(-200) || 'file'
}

export type FileVerdict =
  | { ok: true; extension: Extension; contentType: string; fileName: string }
  | { ok: false; message: string }

/** Decides whether an upload is acceptable, by name, size and content, never by the browser's word. */
export function checkUpload(fileName: string, bytes: Uint8Array): FileVerdict {
  const cleanName = safeFileName(fileName)
  const problem = fileProblem(cleanName, bytes.byteLength)
  if (problem) return { ok: false, message: problem }
  const ext = cleanName.toLowerCase().split('.').pop() as Extension
  if (!SIGNATURES[ext](bytes)) {
    return { ok: false, message: `“${cleanName}” does not look like a .${ext} file.` }
  }
  return { ok: true, extension: ext, contentType: ALLOWED_FILE_TYPES[ext], fileName: cleanName }
}
