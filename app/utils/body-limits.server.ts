import type { NextFunction, Request, Response } from 'express'
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT, takesUpload } from '#app/domain/request-limits.ts'
import { chooseLanguageFrom, fixedT } from './i18n.server.ts'

/**
 * Refuses a body whose declared Content-Length passes its address's limit (1 MB for a form, one
 * 10 MB file for an upload) with a 413 page in the visitor's language, before any other work and
 * without reading it. Bodies sent without a length are limited while they stream by the app's
 * own readers (request-body.server.ts).
 */
export function bodyLimits(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD') return next()
  const upload = takesUpload(req.path)
  const limit = upload ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT
  if (Number(req.get('content-length') ?? 0) <= limit) return next()
  res.status(413).type('html').send(tooLargePage(req, upload))
}

function tooLargePage(req: Request, upload: boolean) {
  const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '')
  const language = chooseLanguageFrom(
    query,
    null,
    req.get('cookie') ?? null,
    req.get('accept-language') ?? null,
  )
  const t = fixedT(language)
  const title = t('common:errors.tooLarge')
  const text = upload ? t('validation:request.fileTooLarge') : t('validation:request.formTooLarge')
  // Every string is the app's own translation: none carries anything the request sent.
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${title} · ${t('common:site.name')}</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">${t('common:errors.home')}</a></p></main></body></html>`
}

export interface Lingering {
  /** The most bytes thrown away after the answer. */
  bytes: number
  /** The longest the client may take to finish sending, all told. */
  totalMs: number
  /** The longest it may pause between two pieces. */
  idleMs: number
}

/** As nginx lingers (lingering_time 30 s, lingering_timeout 5 s), with a cap on bytes. */
const LINGERING: Lingering = { bytes: 32 * 1024 * 1024, totalMs: 30_000, idleMs: 5_000 }

/**
 * When an answer is written before its request's body was read to the end (a refusal: too large,
 * not a form, a bad signature), the rest of the body is read and thrown away, within bounds, and
 * only then is the connection free or closed. Closing at once while the client is still sending
 * makes the kernel reset the connection, and the client sees "connection reset" in place of the
 * page that says what was wrong (it failed CI once as `write ECONNRESET`). Nothing that reads a
 * body may therefore destroy the request: it stops reading and lets this finish.
 */
export function finishUnreadBodies(lingering: Lingering = LINGERING) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.once('finish', () => {
        if (!req.complete && !req.destroyed) throwAwayRest(req, lingering)
      })
    }
    next()
  }
}

function throwAwayRest(req: Request, { bytes, totalMs, idleMs }: Lingering) {
  const socket = req.socket
  // Counted on the socket: once Node itself discards a body nobody read, no 'data' event reports it.
  const readBefore = socket.bytesRead
  const started = Date.now()
  let lastHeard = started
  let lastRead = readBefore
  const watch = setInterval(() => {
    const now = Date.now()
    if (socket.bytesRead !== lastRead) [lastRead, lastHeard] = [socket.bytesRead, now]
    const tooMuch = lastRead - readBefore > bytes
    if (tooMuch || now - started > totalMs || now - lastHeard > idleMs) socket.destroy()
  }, 100)
  watch.unref()
  const done = () => clearInterval(watch)
  req.once('end', done)
  socket.once('close', done)
  // Whatever was reading the body (a parser, Remix's stream) is finished with it.
  req.removeAllListeners('data')
  req.resume()
}
