/**
 * Refuses oversized request bodies before any other work, by their declared Content-Length. A
 * body sent without one (chunked) is limited while it streams by the app's own readers
 * (app/utils/request-body.server.ts), which stop at the first byte past the same limits; counting
 * here as well would mean listening to the stream before Remix does, and losing its first bytes.
 */
import type { NextFunction, Request, Response } from 'express'
// Relative, not #app/…: the server bundle keeps "#" imports external, and this one must be inlined.
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../app/domain/request-limits.ts'

const UPLOAD_PATH = /^\/applications\/[^/]+\/attachments\/?$/

const PAGE = (limit: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Too large · Commons Fund</title></head>
<body>
<main>
<h1>That was too large to accept</h1>
<p>What you sent is larger than ${limit}, so nothing was read or saved. Forms take at most 1 MB;
an upload takes one file of at most 10 MB.</p>
<p><a href="/">Go to the start page</a></p>
</main>
</body>
</html>`

function refuse(res: Response, limit: number) {
  if (res.headersSent) return
  res
    .status(413)
    .set('Connection', 'close')
    .type('html')
    .send(PAGE(limit > FORM_BODY_LIMIT ? '10 MB' : '1 MB'))
}

export function bodyLimits(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD') return next()
  const limit = UPLOAD_PATH.test(req.path) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT
  const declared = Number(req.get('content-length') ?? 0)
  if (declared > limit) {
    refuse(res, limit)
    // Stop reading what is still coming once the answer is out.
    res.on('finish', () => req.destroy())
    return
  }
  next()
}
