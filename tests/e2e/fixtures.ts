import axeCore from 'axe-core'
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { claim, markChecked, wasChecked } from './checked-pages.ts'

export const DEMO_PASSWORD = 'commons-demo-2026'
export const PASSWORD = 'a quiet river at dawn'

export interface TestUser {
  name: string
  email: string
  password: string
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
/** A common phone (iPhone 12–15): every page is checked at this width as well as the desktop's. */
export const PHONE = { width: 390, height: 844 }

/** Waits until the page has loaded and Remix is not in the middle of a navigation. */
async function settle(page: Page) {
  await page.waitForLoadState('load')
  await page.waitForFunction(() => {
    const router = (window as { __remixRouter?: { state: { navigation: { state: string } } } })
      .__remixRouter
    return !router || router.state.navigation.state === 'idle'
  })
}

/**
 * Puts axe-core into the page unless it is there already (it stays until the next navigation).
 * Evaluated over the DevTools protocol, so the page's CSP does not apply.
 */
async function injectAxe(page: Page) {
  const present = await page.evaluate(() => 'axe' in window)
  if (!present) await page.evaluate(axeCore.source)
}

/**
 * axe's own `run` inside the page. @axe-core/playwright's default mode opens a blank page for
 * every analysis and injects axe anew each time, which took about 60% of each check here; the
 * rules and their results are the same (docs/decisions/019-e2e-time.md).
 */
async function violations(page: Page): Promise<string[]> {
  await injectAxe(page)
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof axeCore }
    // Frames are not entered: the only one is the outbox's sandboxed view of a mail's own HTML,
    // which may not run scripts, so axe would wait for it until the test timed out. The mails'
    // HTML is checked by tests/unit/mail-templates.test.tsx instead.
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      iframes: false,
      resultTypes: ['violations'],
    })
    return results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
  }, AXE_TAGS)
}

/** What makes two visits the same page for the checks: address, whether signed in, heading. */
async function pageKey(page: Page): Promise<string> {
  const url = new URL(page.url())
  const { signedIn, heading } = await page.evaluate(() => ({
    signedIn: document.querySelector('form[action="/logout"]') !== null,
    heading: document.querySelector('h1')?.textContent ?? '',
  }))
  return `${url.pathname}${url.search} ${signedIn ? 'signed in' : 'anonymous'} ${heading}`
}

/**
 * Fails the test on any axe-core violation (WCAG 2.1 A and AA rules, and best practice) on the
 * page as it is now, at its own width and at a phone's (the viewport is put back after).
 */
export async function expectAccessible(page: Page) {
  const info = test.info()
  const started = Date.now()
  await settle(page)
  markChecked('page', await pageKey(page))
  const url = new URL(page.url())
  markChecked('path', url.pathname + url.search)
  const width = page.viewportSize()
  const desktop = await violations(page)
  let phone: string[]
  await page.setViewportSize(PHONE)
  try {
    phone = await violations(page)
  } finally {
    if (width) await page.setViewportSize(width)
  }
  // The checks are the fixture's work, not the test's: they do not eat into its time.
  info.setTimeout(info.timeout + Date.now() - started)
  expect({ desktop, phone }, `axe violations on ${page.url()}`).toEqual({ desktop: [], phone: [] })
}

/** Checks the page unless a worker of this run has already checked the same page. */
async function checkOnce(page: Page) {
  await settle(page)
  if (claim('page', await pageKey(page))) await expectAccessible(page)
}

/**
 * Watches a page for the accessibility checks: each `goto` and `reload` that waits for the load
 * is checked when it returns; the addresses reached any other way (links, forms) are noted, for
 * the check at the end of the test.
 */
function watchPage(page: Page, visited: Set<string>, origin: string) {
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return
    const url = new URL(frame.url())
    if (url.origin === origin) visited.add(url.pathname + url.search)
  })
  const waitsForLoad = (options?: { waitUntil?: string }) =>
    !options?.waitUntil || options.waitUntil === 'load'
  const goto = page.goto.bind(page)
  page.goto = async (url, options) => {
    const response = await goto(url, options)
    if (waitsForLoad(options)) await checkOnce(page)
    return response
  }
  const reload = page.reload.bind(page)
  page.reload = async (options) => {
    const response = await reload(options)
    if (waitsForLoad(options)) await checkOnce(page)
    return response
  }
}

/**
 * At the end of a test that passed: the pages still open are checked as they are, then every other
 * address the test reached without a check is opened again in the same browser (same session)
 * and checked. Downloads and other non-pages are skipped.
 */
async function checkTheRest(contexts: BrowserContext[], visited: Set<string>, origin: string) {
  // A page the test never took anywhere (it used `page.request` only) is about:blank: not ours.
  const ours = (page: Page) => !page.isClosed() && page.url().startsWith(origin)
  for (const context of contexts) {
    for (const page of context.pages().filter(ours)) await checkOnce(page)
  }
  const context = contexts.find((c) => c.pages().some((p) => !p.isClosed()))
  if (!context) return
  const page = await context.newPage()
  for (const path of [...visited].filter((p) => !wasChecked('path', p))) {
    const response = await page.goto(origin + path).catch(() => null)
    if (!response?.headers()['content-type']?.startsWith('text/html')) continue
    await checkOnce(page)
  }
  await page.close()
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

export const test = base.extend<{ user: TestUser; everyPageAccessible: void }>({
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

  /**
   * axe on every page a test visits, at desktop and phone widths, in every browser context it
   * opens (the page's own and any from `browser.newContext()`). Set up after `page`, so it is
   * torn down first and sees the last page as the test left it.
   */
  everyPageAccessible: [
    async ({ page, browser, baseURL, javaScriptEnabled }, use, testInfo) => {
      // axe runs inside the page, which JavaScript off forbids; the JS runs check those pages.
      if (javaScriptEnabled === false) return use()
      const origin = new URL(baseURL ?? 'http://localhost').origin
      const visited = new Set<string>()
      const contexts: BrowserContext[] = []
      const watchContext = (context: BrowserContext) => {
        contexts.push(context)
        context.on('page', (p) => watchPage(p, visited, origin))
      }
      watchContext(page.context())
      watchPage(page, visited, origin)
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (options) => {
        const context = await newContext(options)
        watchContext(context)
        return context
      }
      try {
        await use()
      } finally {
        browser.newContext = newContext
      }
      if (testInfo.status === testInfo.expectedStatus) await checkTheRest(contexts, visited, origin)
    },
    { auto: true },
  ],
})

export { expect }

/**
 * The link of the newest mail to `email` in the development outbox, read as the demo admin in a
 * browser of its own (mail goes there when no SMTP server is configured).
 */
export async function linkFromOutbox(
  browser: Browser,
  email: string,
  subject: string | RegExp,
): Promise<string> {
  // In English whatever the calling test's locale (its labels and the outbox's are English).
  const ctx = await browser.newContext({ locale: 'en-US' })
  const admin = await ctx.newPage()
  await logIn(admin, 'admin@example.org', DEMO_PASSWORD)
  await admin.goto('/admin/outbox')
  const row = admin.getByRole('row').filter({ hasText: email }).filter({ hasText: subject })
  await row.first().getByRole('link').click()
  const href = await admin
    .locator('section.card', { has: admin.getByRole('heading', { name: 'Links in this mail' }) })
    .getByRole('link')
    .first()
    .getAttribute('href')
  await ctx.close()
  if (!href) throw new Error(`no link in the mail to ${email}`)
  return href
}

/** Confirms the signed-in account's email through its verification mail, as a person would. */
export async function confirmEmail(browser: Browser, page: Page, email: string) {
  await page.goto(await linkFromOutbox(browser, email, 'Confirm your email address'))
  await page.getByRole('button', { name: 'Confirm my email' }).click()
  await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible()
}
