/**
 * Reading what a request carries, the one way every route does it: forms (at most 1 MB), query
 * strings, and uploads (one file, streamed to a private temporary file). Whatever arrives —
 * oversized, truncated, not a form at all, NUL bytes — ends as a plain 400 or 413, never a 500.
 */
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { data } from '@remix-run/node'
import busboy from 'busboy'
import { MAX_FILE_BYTES } from '#app/domain/file-types.ts'
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '#app/domain/request-limits.ts'
import { uploadTempFolder, uploadTempPath } from '#app/services/storage.server.ts'

/** Why a body was refused: the thrown response carries it, so a route can tell refusals apart. */
export type BodyRefusal =
  'not_a_form' | 'damaged' | 'form_too_large' | 'file_too_large' | 'one_file'

/** What the 400/413 page says (translation keys: the error page translates them). */
const MESSAGES: Record<BodyRefusal, string> = {
  not_a_form: 'validation:request.notAForm',
  damaged: 'validation:request.damaged',
  form_too_large: 'validation:request.formTooLarge',
  file_too_large: 'validation:request.fileTooLarge',
  one_file: 'validation:request.oneFile',
}

const refuse = (status: 400 | 413, reason: BodyRefusal) =>
  data({ message: MESSAGES[reason], reason }, { status })

class TooLarge extends Error {}

/** NUL cannot be stored in PostgreSQL text and no person types it: it is dropped on arrival. */
const withoutNul = (text: string) => text.replaceAll('\u0000', '')

function mediaType(request: Request) {
  const header = request.headers.get('Content-Type') ?? ''
  const type = header.split(';')[0]?.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') return { kind: 'urlencoded', header } as const
  if (type === 'multipart/form-data' && /;\s*boundary=/i.test(header)) {
    return { kind: 'multipart', header } as const
  }
  return null
}

function refuseByLength(request: Request, limit: number, reason: BodyRefusal) {
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > limit) throw refuse(413, reason)
}

/**
 * The body, counting as it streams: the first byte past `limit` stops the read. The stream is
 * let go, never cancelled: cancelling destroys the connection under a client still sending, which
 * then never sees the refusal (body-limits.server.ts throws the rest away once it is answered).
 */
function limitedBody(request: Request, limit: number): Readable {
  const body = request.body
  if (!body) return Readable.from([])
  return Readable.from(
    (async function* () {
      const reader = body.getReader()
      let seen = 0
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          seen += (value as Uint8Array).byteLength
          if (seen > limit) throw new TooLarge()
          yield value as Uint8Array
        }
      } finally {
        reader.releaseLock()
      }
    })(),
  )
}

async function readAll(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = []
  try {
    for await (const chunk of limitedBody(request, limit)) chunks.push(chunk as Uint8Array)
  } catch (error) {
    throw refuse(
      error instanceof TooLarge ? 413 : 400,
      error instanceof TooLarge ? 'form_too_large' : 'damaged',
    )
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/** A posted form (URL-encoded or multipart, at most 1 MB), with NUL bytes dropped. */
export async function readForm(request: Request): Promise<FormData> {
  const type = mediaType(request)
  if (!type) throw refuse(400, 'not_a_form')
  refuseByLength(request, FORM_BODY_LIMIT, 'form_too_large')
  const bytes = await readAll(request, FORM_BODY_LIMIT)
  let parsed: FormData
  try {
    parsed =
      type.kind === 'urlencoded'
        ? toFormData(new URLSearchParams(new TextDecoder().decode(bytes)))
        : await new Response(bytes, { headers: { 'Content-Type': type.header } }).formData()
  } catch {
    throw refuse(400, 'damaged')
  }
  const clean = new FormData()
  for (const [name, value] of parsed) {
    clean.append(withoutNul(name), typeof value === 'string' ? withoutNul(value) : value)
  }
  return clean
}

/**
 * The body as sent, as text (at most 1 MB): what a webhook's signature covers, so nothing is
 * parsed or cleaned before it is verified.
 */
export async function readRawText(request: Request): Promise<string> {
  refuseByLength(request, FORM_BODY_LIMIT, 'form_too_large')
  return new TextDecoder().decode(await readAll(request, FORM_BODY_LIMIT))
}

function toFormData(params: URLSearchParams) {
  const form = new FormData()
  for (const [name, value] of params) form.append(name, value)
  return form
}

/** The query string, with NUL bytes dropped (the same rule as forms). */
export function readQuery(request: Request): URLSearchParams {
  const clean = new URLSearchParams()
  for (const [name, value] of new URL(request.url).searchParams) {
    clean.append(withoutNul(name), withoutNul(value))
  }
  return clean
}

export interface ReceivedFile {
  /** A private temporary file (0600 in DATA_DIR/tmp); gone after `discard`. */
  path: string
  /** As the browser named it, NUL bytes dropped; not yet safe to show or store. */
  fileName: string
  sizeBytes: number
}

export interface Upload {
  fields: Record<string, string>
  file: ReceivedFile | null
  discard(): Promise<void>
}

export interface UploadOptions {
  /**
   * Called before a file over 10 MB is refused, with its name as the browser sent it (NUL bytes
   * dropped; not yet safe to show or store), or null when no file part's header had arrived.
   */
  onTooLarge?: (refused: { fileName: string | null }) => Promise<void>
}

/** Where a file part's header must be: the multipart room above the file limit. */
const HEAD_BYTES = UPLOAD_BODY_LIMIT - MAX_FILE_BYTES

/**
 * The name of the upload's file, read from the head of a body refused by its length: busboy gives
 * the part's header before its bytes, so at most the first 64 KB are read, never the file.
 */
async function fileNameInHead(request: Request, header: string): Promise<string | null> {
  if (!request.body) return null
  let fileName: string | null = null
  const parser = busboy({
    headers: { 'content-type': header },
    defParamCharset: 'utf8',
    limits: { files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  })
  parser.on('file', (name, stream, info) => {
    if (name === 'file' && fileName === null) fileName = withoutNul(info.filename ?? '')
    stream.on('error', () => {}).resume()
  })
  parser.on('error', () => {})
  const reader = request.body.getReader()
  let seen = 0
  try {
    while (fileName === null && seen < HEAD_BYTES) {
      const { done, value } = await reader.read()
      if (done) break
      const chunk = (value as Uint8Array).subarray(0, HEAD_BYTES - seen)
      seen += chunk.byteLength
      parser.write(chunk)
    }
  } catch {
    // A damaged head has no name to give; the refusal stands either way.
  } finally {
    parser.destroy()
    // Let go, not cancelled: see limitedBody.
    reader.releaseLock()
  }
  return fileName
}

/**
 * A form with at most one file, streamed to disk as it arrives and refused (413) as soon as it
 * passes 10 MB. A plain URL-encoded form (the remove buttons) is read as one with no file.
 * The caller must call `discard` once done with the file.
 */
export async function readUpload(request: Request, options: UploadOptions = {}): Promise<Upload> {
  const type = mediaType(request)
  if (type?.kind !== 'multipart') {
    const form = await readForm(request)
    const fields: Record<string, string> = Object.create(null) as Record<string, string>
    for (const [name, value] of form) if (typeof value === 'string') fields[name] = value
    return { fields, file: null, discard: async () => {} }
  }
  const tooLarge = async (fileName: string | null) => {
    await options.onTooLarge?.({ fileName })
    return refuse(413, 'file_too_large')
  }
  if (Number(request.headers.get('Content-Length') ?? 0) > UPLOAD_BODY_LIMIT) {
    throw await tooLarge(options.onTooLarge ? await fileNameInHead(request, type.header) : null)
  }
  const folder = await uploadTempFolder()
  const fields: Record<string, string> = Object.create(null) as Record<string, string>
  let file: ReceivedFile | null = null
  let refusal: ReturnType<typeof refuse> | null = null
  let oversized = false
  const writes: Promise<void>[] = []
  const discard = async () => {
    if (file) await rm(file.path, { force: true })
  }
  const parser = busboy({
    headers: { 'content-type': type.header },
    defParamCharset: 'utf8',
    limits: { files: 1, fileSize: MAX_FILE_BYTES, fields: 10, fieldSize: 4096, parts: 12 },
  })
  parser.on('field', (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) refusal ??= refuse(400, 'damaged')
    fields[withoutNul(name)] = withoutNul(value)
  })
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || file) return stream.resume()
    const received: ReceivedFile = {
      path: uploadTempPath(folder),
      fileName: withoutNul(info.filename ?? ''),
      sizeBytes: 0,
    }
    file = received
    stream.on('data', (chunk: Buffer) => (received.sizeBytes += chunk.byteLength))
    stream.on('limit', () => (oversized = true))
    writes.push(pipeline(stream, createWriteStream(received.path, { flags: 'wx', mode: 0o600 })))
  })
  parser.on('filesLimit', () => (refusal ??= refuse(413, 'one_file')))
  parser.on('fieldsLimit', () => (refusal ??= refuse(413, 'damaged')))
  parser.on('partsLimit', () => (refusal ??= refuse(413, 'damaged')))
  try {
    await pipeline(limitedBody(request, UPLOAD_BODY_LIMIT), parser)
    await Promise.all(writes)
  } catch (error) {
    await Promise.allSettled(writes)
    await discard()
    throw oversized || error instanceof TooLarge
      ? await tooLarge(uploadedName(file))
      : refuse(400, 'damaged')
  }
  if (oversized || refusal) {
    await discard()
    throw oversized ? await tooLarge(uploadedName(file)) : refusal
  }
  return { fields, file, discard }
}

/** The name of the file being received (a function: `file` is assigned inside busboy's handler). */
const uploadedName = (file: ReceivedFile | null) => file?.fileName ?? null
