import { DEMO_PASSWORD, expect, expectAccessible, logIn } from './fixtures.ts'
import { test } from './signed-in.ts'

test('the platform admin browses users, organisations and the audit log', async ({ page }) => {
  await logIn(page, 'admin@example.org', DEMO_PASSWORD)
  await page.getByRole('link', { name: 'Admin' }).click()
  await expect(page.getByRole('table', { name: /Users/ })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Name or email contains').fill('officer@')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByRole('cell', { name: 'officer@example.org' })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'donor@example.org' })).toHaveCount(0)

  await page.getByRole('link', { name: 'Organisations' }).click()
  await page.getByLabel('Kind').selectOption('funder')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByRole('cell', { name: 'Riverbend Community Foundation' })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Eastside Health Collective' })).toHaveCount(0)
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Audit log' }).click()
  await page.getByLabel('Action').selectOption('database.seeded')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByRole('cell', { name: 'database.seeded' })).toBeVisible()
  await expectAccessible(page)
})

test('the admin pages are refused to everyone else', async ({ signedInPage: page }) => {
  const response = await page.goto('/admin/users')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0)
})
