import { DEMO_PASSWORD, PHONE, expect, newUser, test } from './fixtures.ts'

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

test('without JavaScript a table says it scrolls sideways on a narrow screen', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('Email').fill('officer@example.org')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.goto('/')
  const frame = page.locator('.table-frame', {
    has: page.getByRole('region', { name: /Open calls first/ }),
  })
  const cue = frame.getByText('Scroll sideways to see more columns.', { exact: true })
  // Nothing measures without a script: a wide screen shows no cue, a narrow one always does.
  await expect(cue).toBeHidden()
  await page.setViewportSize(PHONE)
  await expect(cue).toBeVisible()
})
