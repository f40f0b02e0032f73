import { expect, expectAccessible, logIn, newUser, test } from './fixtures.ts'

test('a newcomer signs up, fixing mistakes without retyping, and lands signed in', async ({
  page,
}) => {
  const user = newUser()
  await page.goto('/')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Create an account' }).click()
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Your name').fill(user.name)
  await page.getByLabel('Email').fill('not-an-email')
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByText('Enter an email address like name@example.org')).toBeVisible()
  await expect(page.getByText('Use at least 12 characters')).toBeVisible()
  await expect(page.getByLabel('Your name')).toHaveValue(user.name)
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)

  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByRole('heading', { name: `Welcome, ${user.name}` })).toBeVisible()
  await expectAccessible(page)
})

test('sign-up with a taken email says so at the email field', async ({ page, user }) => {
  await page.context().clearCookies()
  await page.goto('/signup')
  await page.getByLabel('Your name').fill('Someone Else')
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill('another fine passphrase')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByText('An account with this email already exists')).toBeVisible()
  await expect(page.getByLabel('Your name')).toHaveValue('Someone Else')
})

test('a wrong password gets one generic message and keeps the email', async ({ page, user }) => {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill('definitely wrong')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'That email and password do not match an account.',
  )
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
  await expect(page.getByLabel('Password')).toHaveValue('')
  await expectAccessible(page)
})

test('with JavaScript, a wrong email and an empty password both say so, without a post', async ({
  page,
}) => {
  const posts: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url())
  })
  await page.goto('/login')
  // Hydrated: React has attached its props to the field, so the browser's own check answers.
  await page.waitForFunction(() => {
    const field = document.getElementById('field-email')
    return field !== null && Object.keys(field).some((k) => k.startsWith('__reactProps'))
  })
  await page.getByLabel('Email').fill('not-an-email')
  // Pressing the button takes the focus from the email field, whose error then appears and
  // moves the button down: the press must still submit (it used to end beside the button).
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByText('Enter an email address like name@example.org')).toBeVisible()
  await expect(page.getByText('Enter your password')).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true')
  expect(posts).toEqual([])
})

test('logging out ends the session; protected pages then ask to log in', async ({ page, user }) => {
  await page.goto('/account')
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }),
  ).toBeVisible()
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/)
  // Logging in brings the user back to where they were going.
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/account$/)
})

test('changing the password signs out the other browser', async ({ page, user, browser }) => {
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await logIn(otherPage, user.email, user.password)

  await page.goto('/account')
  await page.getByLabel('Current password').fill(user.password)
  await page.getByLabel('New password', { exact: true }).fill('a completely new passphrase')
  await page.getByLabel('Repeat the new password').fill('a completely new passphrase')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Password changed.')).toBeVisible()
  await expectAccessible(page)

  await otherPage.goto('/account')
  await expect(otherPage).toHaveURL(/\/login/)
  await other.close()
})

test('a forged session cookie is treated as logged out', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'cf_session', value: 'forged', url: baseURL ?? '' }])
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login/)
})

test('answers health checks and sends security headers', async ({ request }) => {
  expect((await request.get('/healthz')).status()).toBe(200)
  const response = await request.get('/login')
  const headers = response.headers()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
})

test('refuses a form post from another origin', async ({ request }) => {
  const response = await request.post('/login', {
    form: { email: 'a@example.test', password: 'x' },
    headers: { Origin: 'https://evil.example' },
  })
  expect(response.status()).toBe(403)
})
