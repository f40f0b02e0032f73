import { DEMO_PASSWORD, expect, expectAccessible, logIn } from './fixtures.ts'
import { test } from './signed-in.ts'

test('the platform admin reconciles payments, filtered by status', async ({ page }) => {
  await logIn(page, 'admin@example.org', DEMO_PASSWORD)
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Payments' }).click()
  await expect(page.getByRole('heading', { name: 'Events that failed to apply' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Donations' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Status').selectOption('refunded')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/status=refunded/)
  await expect(page.getByLabel('Status')).toHaveValue('refunded')
  await expectAccessible(page)
})

test('the payments page is refused to everyone else', async ({ signedInPage: page }) => {
  const response = await page.goto('/admin/payments')
  expect(response?.status()).toBe(403)
})
