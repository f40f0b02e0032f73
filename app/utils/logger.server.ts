import { pino, type Logger } from 'pino'

/**
 * Paths pino replaces with "[redacted]" wherever a caller logs them by mistake: credentials,
 * cookies and personal details never reach the log.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.email',
  '*.token',
  'password',
  'email',
  'token',
  'body',
  '*.body',
]

function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')
  return pino({
    level,
    base: { pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Errors logged as { err } keep their type, message and stack (pino's standard serializer).
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  })
}

// Kept on globalThis so that Vite's dev reloads share one logger (and one output stream).
const holder = globalThis as unknown as { __commonsLogger?: Logger }

/** The process's logger: JSON lines on stdout at LOG_LEVEL (default info; silent under tests). */
export function logger(): Logger {
  holder.__commonsLogger ??= createLogger()
  return holder.__commonsLogger
}

/** Replaces the process's logger (tests capture lines with their own destination). */
export function setLogger(replacement: Logger | undefined) {
  holder.__commonsLogger = replacement
}
