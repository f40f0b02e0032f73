import { expect, newUser, test } from './fixtures.ts'

// axe cannot run in a page with JavaScript off; these same pages are checked with it on elsewhere.

test.use({ javaScriptEnabled: false })

test('sign-up and organisation set-up work with JavaScript off', async ({ page }) => {
  const user = newUser()
  await page.goto('/signup')
  await page.getByLabel('Your name').fill(user.name)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill('tiny')
  await page.getByRole('button', { name: 'Sign up' }).click()
  // The server validated with the same schema and kept what was typed.
  await expect(page.getByText('Use at least 12 characters')).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByRole('heading', { name: `Welcome, ${user.name}` })).toBeVisible()

  await page.goto('/orgs/new')
  await page.getByLabel(/Funder/).check()
  await page.getByLabel('Name').fill('No Script Fund')
  await page.getByRole('button', { name: 'Create organisation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'No Script Fund' })).toBeVisible()

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }),
  ).toBeVisible()
})
