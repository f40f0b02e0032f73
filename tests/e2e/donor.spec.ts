import { randomBytes } from 'node:crypto'
import { DEMO_PASSWORD, expect, linkFromOutbox, logIn, test } from './fixtures.ts'

/*
 * A donor's whole path (issue 10): the demo donor signs in and sees where a gift went; a guest
 * gives monthly through the sandbox checkout, gets a link to their gifts by mail, opens it, sees
 * the gift and stops it in one step. axe checks every page (everyPageAccessible).
 */

const FUND = '/funds/riverbend-health-equity-fund'

test('the demo donor signs in and sees which grant a gift funded', async ({ page }) => {
  await logIn(page, 'donor@example.org', DEMO_PASSWORD)
  // The dashboard's card, and the header's link.
  await expect(page.getByRole('heading', { name: 'Your gifts' })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Your gifts' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your gifts' })).toBeVisible()
  const older = page
    .getByRole('article')
    .filter({ hasText: '$150.00 to Riverbend Health Equity Fund' })
  await expect(
    older.getByText(/^This gift funded: .+ \$150\.00, \$0\.00 still in the fund\.$/),
  ).toBeVisible()
  await expect(
    older.getByRole('link', { name: /Receipt for the gift of \$150\.00/ }),
  ).toHaveAttribute('href', /^\/receipts\/[0-9a-f]{64}$/)
  const newer = page
    .getByRole('article')
    .filter({ hasText: '$50.00 to Riverbend Health Equity Fund' })
  await expect(
    newer.getByText(/has not funded a grant yet: \$48\.25 is still in the fund/),
  ).toBeVisible()

  // The same in Spanish.
  await page.goto('/gifts?lang=es')
  await expect(page.getByRole('heading', { level: 1, name: 'Sus donaciones' })).toBeVisible()
  await expect(
    page.getByText(/^Esta donación financió: .+ \$150\.00, \$0\.00 todavía en el fondo\.$/),
  ).toBeVisible()
})

test('a guest gives monthly, finds the gift through a mailed link, and stops it', async ({
  page,
  browser,
}) => {
  test.slow() // the checkout, the outbox in a second browser, and the webhooks
  const email = `monthly-${randomBytes(4).toString('hex')}@example.test`
  await page.goto(`${FUND}/give`)
  await page.getByRole('radio', { name: '$25.00' }).check()
  await page.getByRole('radio', { name: 'Every month' }).check()
  await page.getByRole('textbox', { name: 'Your name' }).fill('Monthly Guest')
  await page.getByLabel('Your email').fill(email)
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await page.getByRole('button', { name: 'Pay by card (succeeds now)' }).click()
  await expect(page.getByRole('heading', { name: 'Gift received' })).toBeVisible({
    timeout: 15_000,
  })

  // The footer's way in for guests.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Find your gifts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find your gifts' })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expect(
    page.getByText('If we have gifts for that address, we’ve emailed a link.'),
  ).toBeVisible()

  await page.goto(await linkFromOutbox(browser, email, 'Your link to your gifts'))
  await expect(page.getByText(`This link shows the gifts given from ${email}.`)).toBeVisible()
  await page.getByRole('button', { name: 'Show my gifts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your gifts' })).toBeVisible()
  const gift = page
    .getByRole('article')
    .filter({ hasText: '$25.00 a month to Riverbend Health Equity Fund' })
  await expect(gift.getByText('1 monthly payment so far, $25.00 in all.')).toBeVisible()
  await expect(gift.getByText('This gift repeats every month.')).toBeVisible()
  await expect(gift.getByText(/^Next payment expected on \w+ \d+, \d{4}\.$/)).toBeVisible()

  await gift.getByRole('button', { name: 'Stop this monthly gift' }).click()
  await expect(
    page.getByText(/We asked the payment processor to stop your monthly gift/),
  ).toBeVisible()
  // "Stopping" until Stripe's webhook arrives, then "stopped" (the sandbox sends it at once).
  await expect(async () => {
    await page.reload()
    await expect(gift.getByText(/^Stopped on /)).toBeVisible({ timeout: 1_000 })
  }).toPass()
  await expect(gift.getByRole('button', { name: 'Stop this monthly gift' })).toHaveCount(0)

  // Forgetting this browser ends the access: /gifts asks for a link again.
  await page.getByRole('button', { name: 'Forget this browser' }).click()
  // The post must land before the next page is asked for, or going there cancels it.
  await expect(page).toHaveURL(/\/$/)
  await page.goto('/gifts')
  await expect(page.getByRole('heading', { level: 1, name: 'Find your gifts' })).toBeVisible()
})
