import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * What the accessibility checks have already covered in this run, shared by every worker: one
 * empty file per key in a folder the runner names (E2E_CHECKED_DIR, set by the config), created
 * with `wx` so that exactly one worker wins each key. Without it each worker checked the same
 * common pages (login, dashboards, catalogue) again.
 */
const folder = process.env.E2E_CHECKED_DIR ?? path.join(tmpdir(), `e2e-checked-${process.pid}`)
mkdirSync(folder, { recursive: true })

type Kind = 'page' | 'path'

function fileFor(kind: Kind, key: string) {
  return path.join(folder, `${kind}-${createHash('sha256').update(key).digest('hex')}`)
}

/** Records `key` as covered by a check. */
export function markChecked(kind: Kind, key: string) {
  writeFileSync(fileFor(kind, key), '')
}

/** Records `key` and says whether this call was the first in the run to do so. */
export function claim(kind: Kind, key: string): boolean {
  try {
    writeFileSync(fileFor(kind, key), '', { flag: 'wx' })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** Whether any worker of this run has recorded `key`. */
export function wasChecked(kind: Kind, key: string): boolean {
  return existsSync(fileFor(kind, key))
}
