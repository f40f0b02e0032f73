import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { env } from './env.server.ts'

let cached: string[] | undefined

/**
 * Cookie-signing secrets. Production on a PostgreSQL server must provide SESSION_SECRET; the
 * embedded default makes one on first start and keeps it in DATA_DIR so restarts keep sessions.
 */
export function sessionSecrets(): string[] {
  if (cached) return cached
  const e = env()
  if (e.SESSION_SECRET) {
    cached = e.SESSION_SECRET.split(',').map((s) => s.trim())
  } else if (e.NODE_ENV === 'production' && e.DATABASE_URL) {
    throw new Error('SESSION_SECRET must be set in production (32 or more random characters).')
  } else {
    cached = [readOrCreateSecret(path.resolve(e.DATA_DIR, 'session-secret'))]
  }
  return cached
}

/** Exported for the DATA_DIR permission test. */
export function readOrCreateSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(path.dirname(file), { recursive: true })
    const secret = randomBytes(32).toString('base64url')
    // 'wx' fails if another process created it first; then read theirs.
    try {
      writeFileSync(file, secret, { flag: 'wx', mode: 0o600 })
      chmodSync(file, 0o600)
      return secret
    } catch {
      return readFileSync(file, 'utf8').trim()
    }
  }
}
