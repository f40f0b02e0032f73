/**
 * Reading what a request carries, the one way every route does it: forms (at most 1 MB), query
 * strings, and uploads (one file, streamed to a private temporary file). Whatever arrives —
 * oversized, truncated, not a form at all, NUL bytes — ends as a plain 400 or 413, never a 500.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { data } from '@remix-run/node'
import busboy from 'busboy'
import { MAX_FILE_BYTES } from '#app/domain/file-types.ts'
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '#app/domain/request-limits.ts'
import { env } from '#app/config/env.server.ts'

/** Why a body was refused: the thrown response carries it, so a route can tell refusals apart. */
export type BodyRefusal =
  'not_a_form' | 'damaged' | 'form_too_large' | 'file_too_large' | 'one_file'

const MESSAGES: Record<BodyRefusal, string> = {
  not_a_form:
    'This address only takes a form sent from its page. What arrived was something else (JSON or plain text, for instance), so nothing was saved.',
  damaged: 'The form arrived incomplete or damaged, so nothing was saved. Please send it again.',
  form_too_large:
    'That form is larger than 1 MB, so it was not read. Shorten the longest answers and send it again.',
  file_too_large: 'That file is larger than 10 MB, so it was not saved.',
  one_file: 'Upload one file at a time.',
}

const refuse = (status: 400 | 413, reason: BodyRefusal) =>
  data({ message: MESSAGES[reason], reason }, { status })

/** The reason of a refusal thrown by `readForm` or `readUpload`; null for anything else. */
export function bodyRefusal(thrown: unknown): BodyRefusal | null {
  const reason = (thrown as { data?: { reason?: unknown } } | null)?.data?.reason
  return typeof reason === 'string' && Object.hasOwn(MESSAGES, reason)
    ? (reason as BodyRefusal)
    : null
}

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

/** The body, counting as it streams: the first byte past `limit` stops the read. */
function limitedBody(request: Request, limit: number): Readable {
  if (!request.body) return Readable.from([])
  let seen = 0
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
  return Readable.from(
    (async function* () {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        seen += chunk.byteLength
        if (seen > limit) {
          source.destroy()
          throw new TooLarge()
        }
        yield chunk
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

/**
 * A form with at most one file, streamed to disk as it arrives and refused (413) as soon as it
 * passes 10 MB. A plain URL-encoded form (the remove buttons) is read as one with no file.
 * The caller must call `discard` once done with the file.
 */
export async function readUpload(request: Request): Promise<Upload> {
  const type = mediaType(request)
  if (type?.kind !== 'multipart') {
    const form = await readForm(request)
    const fields: Record<string, string> = Object.create(null) as Record<string, string>
    for (const [name, value] of form) if (typeof value === 'string') fields[name] = value
    return { fields, file: null, discard: async () => {} }
  }
  refuseByLength(request, UPLOAD_BODY_LIMIT, 'file_too_large')
  const folder = path.resolve(env().DATA_DIR, 'tmp')
  await mkdir(folder, { recursive: true, mode: 0o700 })
  const fields: Record<string, string> = Object.create(null) as Record<string, string>
  let file: ReceivedFile | null = null
  let refusal: ReturnType<typeof refuse> | null = null
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
      path: path.join(folder, `upload-${randomUUID()}`),
      fileName: withoutNul(info.filename ?? ''),
      sizeBytes: 0,
    }
    file = received
    stream.on('data', (chunk: Buffer) => (received.sizeBytes += chunk.byteLength))
    stream.on('limit', () => (refusal ??= refuse(413, 'file_too_large')))
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
    throw error instanceof TooLarge ? refuse(413, 'file_too_large') : refuse(400, 'damaged')
  }
  if (refusal) {
    await discard()
    throw refusal
  }
  return { fields, file, discard }
}
