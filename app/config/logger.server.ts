import { AsyncLocalStorage } from 'node:async_hooks'
import { pino, type DestinationStream, type Logger } from 'pino'

/**
 * Paths pino replaces with "[redacted]" wherever a caller logs them by mistake: credentials,
 * cookies and personal details never reach the log. (The access log's own serializers already
 * leave headers and bodies out.)
 */
export const REDACTED_PATHS = [
  'req.headers',
  'res.headers',
  'headers',
  'cookie',
  'authorization',
  'password',
  'email',
  'token',
  'body',
  '*.headers',
  '*.cookie',
  '*.authorization',
  '*.password',
  '*.email',
  '*.token',
  '*.body',
]

/** JSON lines at LOG_LEVEL (default info; silent under the tests unless LOG_LEVEL says). */
export function createLogger(destination?: DestinationStream): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // { err } keeps an error's type, message and stack: in the log, never in a response.
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  )
}

// On globalThis: the HTTP server and the Remix build are separate bundles (and Vite reloads
// modules in development), but they must share one logger and one request context.
const holder = globalThis as unknown as {
  __commonsLogger?: Logger
  __commonsRequestLog?: AsyncLocalStorage<Logger>
}
const requestLog = () => (holder.__commonsRequestLog ??= new AsyncLocalStorage<Logger>())

/** The process's logger; inside a request, its child that adds the request id to every line. */
export function logger(): Logger {
  return requestLog().getStore() ?? (holder.__commonsLogger ??= createLogger())
}

/** The process-wide logger, outside any request's context. */
export function rootLogger(): Logger {
  return (holder.__commonsLogger ??= createLogger())
}

/** Runs `fn` (a request's handling) so that logger() answers `log` everywhere inside it. */
export function withRequestLogger<T>(log: Logger, fn: () => T): T {
  return requestLog().run(log, fn)
}

/** Replaces the process's logger (tests capture lines with their own destination). */
export function setLogger(replacement: Logger | undefined) {
  holder.__commonsLogger = replacement
}
