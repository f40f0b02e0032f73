// Before the end-to-end suite: use Debian's Chromium where installed; otherwise make sure
// Playwright's own Chromium is there (this needs internet the first time).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { systemChromium } from '../tests/support/system-chromium.mjs'

if (!systemChromium() && !existsSync(chromium.executablePath())) {
  console.log('No Chromium found; installing Playwright’s own…')
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
