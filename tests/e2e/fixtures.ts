import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'

export const DEMO_PASSWORD = 'commons-demo-2026'
export const PASSWORD = 'a quiet river at dawn'

export interface TestUser {
  name: string
  email: string
  password: string
}

/** Fails the test on any axe-core violation (WCAG 2.1 A and AA rules) on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

export function newUser(): TestUser {
  const tag = randomBytes(4).toString('hex')
  return { name: `Tester ${tag}`, email: `tester-${tag}@example.test`, password: PASSWORD }
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
}

export const test = base.extend<{ user: TestUser }>({
  /** A new account, signed up through the app itself and logged in in this page's context. */
  user: async ({ page }, use) => {
    const user = newUser()
    const response = await page.request.post('/signup', {
      form: { name: user.name, email: user.email, password: user.password },
      maxRedirects: 0,
    })
    expect(response.status(), await response.text()).toBe(302)
    await use(user)
  },
})

export { expect }
