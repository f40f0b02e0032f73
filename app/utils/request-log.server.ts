import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { withRequestLogger } from '#app/config/logger.server.ts'
import { withRequestMemo } from './request-memo-cache.server.ts'

/** A caller's id is kept only when it is short and plain (it is echoed into headers and logs). */
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/

/**
 * Path segments that are bearer secrets: invitation links carry their token in the path. Any
 * other segment as long as a token (43 base64url characters) is treated the same way.
 */
const SECRET_SEGMENT_AFTER = new Set(['invitations'])
const TOKEN_LIKE = /^[A-Za-z0-9_-]{40,}$/

/**
 * The path as the access log shows it: no query string (searches, redirect targets and filters
 * may hold personal words) and no secret path segments.
 */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? ''
  const segments = path.split('/')
  return segments
    .map((segment, i) =>
      (i > 0 && SECRET_SEGMENT_AFTER.has(segments[i - 1] ?? '') && segment) ||
      TOKEN_LIKE.test(segment)
        ? ':secret'
        : segment,
    )
    .join('/')
}

/**
 * Gives every request an id (the proxy's X-Request-Id when TRUST_PROXY says the proxy is ours),
 * sends it back as X-Request-Id, writes one access line when the response ends, and makes
 * logger() carry the id on every line written while the request is handled.
 */
export function requestLogging(log: Logger, trustProxy: boolean): RequestHandler[] {
  const access = pinoHttp({
    logger: log,
    // App lines carry only the id; the access line also the method and path.
    quietReqLogger: true,
    customAttributeKeys: { responseTime: 'ms' },
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers['x-request-id']
      const id =
        trustProxy && typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID()
      res.setHeader('X-Request-Id', id)
      return id
    },
    // Only what the access line needs: never headers (cookies, authorization) or bodies.
    serializers: {
      req: (req: { method: string; url: string; raw?: { originalUrl?: string } }) => ({
        method: req.method,
        path: loggablePath(req.raw?.originalUrl ?? req.url),
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: () => 'request done',
    customErrorMessage: () => 'request failed',
  })
  // The request's logger, and its memo of lookups shared by its loaders when it only reads.
  const context = (req: Request, _res: Response, next: NextFunction) =>
    withRequestLogger(req.log, () => withRequestMemo(req.method, next))
  return [access as unknown as RequestHandler, context]
}

/**
 * The last handler: an error no route answered becomes a plain 500 (or the 4xx it carries, such
 * as a body parser's), logged with its stack under the request's id; the stack never goes out.
 */
export function answerUnhandledError(
  err: unknown,
  req: Request,
  res: Response,
  next: NextFunction,
) {
  if (res.headersSent) return next(err)
  const status = (err as { status?: unknown }).status
  const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 500
  if (code === 500) req.log.error({ err }, 'unhandled error')
  else req.log.warn({ err: { message: (err as Error).message } }, 'request refused')
  res
    .status(code)
    .type('text/plain')
    .send(code === 500 ? 'Something went wrong on our side.' : 'The request could not be read.')
}
