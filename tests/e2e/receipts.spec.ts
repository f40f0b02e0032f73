import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

/** The demo fund (app/seed/seed-program.server.ts), owned by Riverbend Community Foundation. */
const FUND = '/funds/riverbend-health-equity-fund'

/** Gives $50 once, with the fee covered, through the sandbox checkout; waits until received. */
async function giveFifty(page: Page, email: string) {
  await page.goto(`${FUND}/give`)
  await page.getByRole('radio', { name: '$50.00' }).check()
  await page.getByLabel('Cover the processing fee').check()
  await page.getByRole('textbox', { name: 'Your name' }).fill('Receipt Reader')
  await page.getByLabel('Your email').fill(email)
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pay $51.80' })).toBeVisible()
  await page.getByRole('button', { name: 'Pay by card (succeeds now)' }).click()
  await expect(page.getByRole('heading', { name: 'Gift received' })).toBeVisible({
    timeout: 15_000,
  })
}

test('a guest opens the receipt from the thanks page, prints it and downloads its PDF', async ({
  page,
}) => {
  await giveFifty(page, 'receipt.reader@example.test')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'View your receipt' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Donation receipt' })).toBeVisible()
  await expect(page).toHaveURL(/\/receipts\/[0-9a-f]{64}$/)
  // It names the donor: no cache keeps it, no search engine lists it.
  const document = await page.request.get(page.url())
  expect(document.headers()).toMatchObject({
    'cache-control': 'private, no-store',
    'x-robots-tag': 'noindex',
  })
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
  const facts = page.getByRole('definition')
  await expect(facts.filter({ hasText: 'Riverbend Community Foundation, Inc.' })).toBeVisible()
  await expect(facts.filter({ hasText: '31-1234567' })).toBeVisible()
  await expect(facts.filter({ hasText: '$50.00' })).toBeVisible()
  await expect(facts.filter({ hasText: '$51.80' })).toBeVisible()
  await expect(facts.filter({ hasText: 'receipt.reader@example.test' })).toBeVisible()
  await expect(
    page.getByText('No goods or services were provided in exchange for this contribution.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible()
  await expectAccessible(page)

  // Printed, the receipt is alone on the page: no header, navigation or buttons.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Donation receipt' })).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  const link = page.getByRole('link', { name: 'Download PDF' })
  const download = page.waitForEvent('download')
  await link.click()
  expect((await download).suggestedFilename()).toMatch(/^receipt-CF-\d{4}-[0-9A-F]{8}\.pdf$/)

  const pdf = await page.request.get((await link.getAttribute('href'))!)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()).toMatchObject({
    'content-type': 'application/pdf',
    'cache-control': 'private, no-store',
    'x-robots-tag': 'noindex',
  })
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="receipt-CF-/)
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // In Spanish through the site's language switch: the page and its PDF.
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Recibo de donación' })).toBeVisible()
  await expect(
    page.getByText('No se proporcionaron bienes ni servicios a cambio de esta contribución.'),
  ).toBeVisible()
  await expectAccessible(page)
  const spanishLink = page.getByRole('link', { name: 'Descargar PDF' })
  const spanishPdf = await page.request.get((await spanishLink.getAttribute('href'))!)
  expect(spanishPdf.headers()['content-disposition']).toMatch(/filename="recibo-CF-/)
})

test('the admin payments page links each received gift to its receipt', async ({ page }) => {
  await giveFifty(page, 'admin.sees.receipt@example.test')
  await page.context().clearCookies()
  await logIn(page, 'admin@example.org', DEMO_PASSWORD)
  await page.goto('/admin/payments?status=succeeded')
  await page.getByRole('link', { name: 'View receipt of Receipt Reader’s gift' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Donation receipt' })).toBeVisible()
})

test('a receipt link that is none is a 404, page and PDF', async ({ page }) => {
  const response = await page.goto(`/receipts/${'0'.repeat(64)}`)
  expect(response?.status()).toBe(404)
  const pdf = await page.request.get(`/receipts/${'0'.repeat(64)}/pdf`)
  expect(pdf.status()).toBe(404)
})

test('the foundation’s owner keeps what receipts name in its settings', async ({ page }) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto('/orgs/riverbend-community-foundation/settings')
  const legalName = page.getByRole('textbox', { name: 'Legal name (for receipts)' })
  const number = page.getByRole('textbox', { name: 'Registration number' })
  await expect(legalName).toHaveValue('Riverbend Community Foundation, Inc.')
  await expect(number).toHaveValue('31-1234567')
  await number.fill('EIN: 31_1234567')
  await page.getByRole('button', { name: 'Save receipt details' }).click()
  await expect(
    page.getByText('Use only letters, digits, spaces, hyphens, dots and slashes'),
  ).toBeVisible()
  await expect(number).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  // Saved as it was (other specs read the demo fund's receipts meanwhile).
  await number.fill('31-1234567')
  await page.getByRole('button', { name: 'Save receipt details' }).click()
  await expect(page.getByText('Receipt details saved.')).toBeVisible()
  await expect(number).toHaveValue('31-1234567')
})
