import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

/**
 * Where a bench writes its figures, and what they were measured on: bench/results/<prefix>-<UTC
 * time>-<suffix>-<commit>.json, with the commit of `tree` and whether it had uncommitted changes.
 */
export function resultsFile(prefix: string, suffix: string, tree = '.') {
  const git = (args: string[]) => {
    const r = spawnSync('git', ['-C', tree, ...args], { encoding: 'utf8' })
    return r.status === 0 ? r.stdout.trim() : 'unknown'
  }
  const date = new Date().toISOString()
  const commit = git(['rev-parse', '--short', 'HEAD'])
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== ''
  const resultsDir = path.resolve('bench/results')
  mkdirSync(resultsDir, { recursive: true })
  const name = `${prefix}-${date.slice(0, 19).replace(/:/g, '')}-${suffix}-${commit}.json`
  return { date, commit, dirty, file: path.join(resultsDir, name) }
}
