import { DEMO_PASSWORD, expect, expectAccessible, logIn, newUser } from './fixtures.ts'
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

test('the platform admin suspends a fresh account, which then cannot log in, and restores it', async ({
  page,
  browser,
}) => {
  const person = newUser()
  const theirs = await browser.newContext()
  const signup = await theirs.request.post('/signup', {
    form: { name: person.name, email: person.email, password: person.password },
    maxRedirects: 0,
  })
  expect(signup.status()).toBe(302)

  await logIn(page, 'admin@example.org', DEMO_PASSWORD)
  await page.goto('/admin/users')
  await page.getByLabel('Name or email contains').fill(person.email)
  await page.getByRole('button', { name: 'Filter' }).click()
  await page.getByRole('link', { name: person.name }).click()
  await expect(page.getByRole('heading', { name: person.name })).toBeVisible()
  await expect(page.getByText('Active sessions')).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Suspend…' }).click()
  await expect(
    page.getByText(/Every session they have ends now and they cannot log in/),
  ).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Suspend account' }).click()
  await expect(page.getByText('Account suspended.')).toBeVisible()
  await expect(page.getByText('Suspended', { exact: true }).first()).toBeVisible()

  // Their browser was signed out, and logging in again is refused with the reason.
  const account = await theirs.request.get('/account', { maxRedirects: 0 })
  expect(account.status()).toBe(302)
  const theirPage = await theirs.newPage()
  await theirPage.goto('/login')
  await theirPage.getByLabel('Email').fill(person.email)
  await theirPage.getByLabel('Password').fill(person.password)
  await theirPage.getByRole('button', { name: 'Log in' }).click()
  await expect(theirPage.getByText('This account is suspended.', { exact: false })).toBeVisible()

  await page.goto('/admin/users?status=suspended')
  await expect(page.getByRole('link', { name: person.name })).toBeVisible()
  await page.getByRole('link', { name: person.name }).click()
  await page.getByRole('button', { name: 'Restore account' }).click()
  await expect(page.getByText('Account restored.')).toBeVisible()

  // The audit log names them, not their id, and links to their page.
  await page.goto('/admin/audit?action=user.suspended')
  await expect(
    page.getByRole('table').getByRole('link', { name: person.name, exact: true }),
  ).toBeVisible()

  await logIn(theirPage, person.email, person.password)
  await theirs.close()
})

test('organisation names lead to their admin page, and members to theirs', async ({ page }) => {
  await logIn(page, 'admin@example.org', DEMO_PASSWORD)
  await page.goto('/admin/organizations')
  await page.getByRole('link', { name: 'Riverbend Community Foundation' }).click()
  await expect(page.getByRole('heading', { name: 'Riverbend Community Foundation' })).toBeVisible()
  const members = page.getByRole('table', { name: /Members of/ })
  await expect(members).toBeVisible()
  await expectAccessible(page)
  await members.getByRole('link').first().click()
  await expect(page.getByRole('table', { name: /Organisations .* belongs to/ })).toBeVisible()
})
