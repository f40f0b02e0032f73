import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// Each test worker keeps its generated files (session secret, uploads) in its own scratch folder.
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'commons-test-'))
process.env.SEED_DEMO = '0'
