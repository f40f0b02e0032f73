// `npm start`: builds when the sources are newer than the build, then serves the production build.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const SOURCES = ['app', 'db', 'server', 'public', 'vite.config.ts', 'package.json']
// BUILD_DIR is honoured by the build (vite.config.ts, the esbuild step) and so here too.
const BUILT = path.join(process.env.BUILD_DIR || 'build', 'server.js')

/** @param {string} entry @returns {number} */
function newest(entry) {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const child of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)))
  return latest
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0
if (Math.max(...SOURCES.map(newest)) > builtAt) {
  console.log('Building the app…')
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn(process.execPath, [BUILT], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
})
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', (code) => process.exit(code ?? 0))
