import { existsSync } from 'node:fs'

/**
 * Debian's Chromium for the end-to-end suite (this workplace cannot download browsers): its
 * headless shell where installed — the same old-headless build Playwright itself runs headless
 * tests in, and about a third quicker here than the whole browser (docs/decisions/019-e2e-time.md)
 * — else the whole browser; undefined when neither is there (Playwright's own is used).
 * @returns {string | undefined}
 */
export function systemChromium() {
  return [
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].find((path) => existsSync(path))
}
