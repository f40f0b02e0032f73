import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'

/**
 * Everything the app writes under DATA_DIR — the embedded database (password hashes, applicants'
 * personal data), the session secret, uploads — is for the app's own user only.
 */
const PRIVATE_UMASK = 0o077

/**
 * Makes every file and folder this process creates from now on private (0600 and 0700: PGlite and
 * the upload store create files with the usual 0666/0777, which the umask trims), and creates
 * DATA_DIR 0700 if it is missing. The umask stays for the process's life because PGlite keeps
 * creating files (new tables, WAL segments) long after it opens. Answers the entries already there
 * that others can read or write, so start-up can warn about a folder made before this existed.
 */
export function makeDataDirPrivate(dir: string): string[] {
  process.umask(PRIVATE_UMASK)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return looseEntries(dir)
}

/** Paths under `dir` (itself included) with any group or other permission bit, up to `limit`. */
export function looseEntries(dir: string, limit = 10): string[] {
  const loose: string[] = []
  const visit = (entry: string) => {
    if (loose.length >= limit) return
    const stat = lstatSync(entry)
    if (stat.isSymbolicLink()) return
    if ((stat.mode & 0o077) !== 0) loose.push(entry)
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) visit(path.join(entry, name))
    }
  }
  visit(dir)
  return loose
}

/**
 * Sets every file under `dir` to 0600 and every folder to 0700. PGlite unpacks its initial
 * database with explicit modes that the umask does not trim, so it is tightened once it is open.
 */
export function tightenTree(dir: string) {
  const visit = (entry: string) => {
    const stat = lstatSync(entry)
    if (stat.isSymbolicLink()) return
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(entry, 0o700)
      for (const name of readdirSync(entry)) visit(path.join(entry, name))
    } else if ((stat.mode & 0o777) !== 0o600) {
      chmodSync(entry, 0o600)
    }
  }
  visit(dir)
}
