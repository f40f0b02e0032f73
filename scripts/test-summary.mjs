// Prints one closing line for the whole suite from the runners' JSON reports (written under CI).
import { existsSync, readFileSync } from 'node:fs'

/** @param {string} file */
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)

const vitest = read('test-results/vitest.json')
const e2e = read('test-results/e2e.json')
const passed =
  (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0)
const failed = (vitest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0)
const skipped = (vitest?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0)
console.log(
  `unit+integration: ${vitest?.numPassedTests ?? 0} passed; end-to-end: ${e2e?.stats?.expected ?? 0} passed`,
)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
