import type { Page } from '@playwright/test'
import { expect, test as base } from './fixtures.ts'

/**
 * The suite's `test`, plus `signedInPage`: the page of a new account that signed up through the
 * app (the `user` fixture), for tests that need someone signed in but never read who. The
 * fixture checks the session works, so such a test asks for what it uses instead of requesting a
 * user it never reads.
 */
export const test = base.extend<{ signedInPage: Page }>({
  signedInPage: async ({ page, user }, use) => {
    const account = await page.request.get('/account', { maxRedirects: 0 })
    expect(account.status(), `${user.email} should be signed in`).toBe(200)
    await use(page)
  },
})
