import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  linkFromOutbox,
  logIn,
  newUser,
  test,
} from './fixtures.ts'

test('sign up, find the verification mail in the outbox, follow its link: confirmed', async ({
  page,
  browser,
}) => {
  test.slow() // two browsers and the outbox on a shared machine
  const person = newUser()
  await page.goto('/signup')
  await page.getByLabel('Your name').fill(person.name)
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign up' }).click()
  const banner = page.getByRole('region', { name: 'Confirm your email' })
  await expect(banner).toContainText(person.email)
  await expectAccessible(page)
  await banner.getByRole('button', { name: 'Send the link again' }).click()
  await expect(page.getByText(`We sent a new link to ${person.email}.`)).toBeVisible()

  // The admin's outbox lists the mail and shows both parts.
  const ctx = await browser.newContext()
  const admin = await ctx.newPage()
  await logIn(admin, 'admin@example.org', DEMO_PASSWORD)
  await admin.getByRole('link', { name: 'Admin' }).click()
  await admin.getByRole('link', { name: 'Outbox' }).click()
  await expect(admin.getByRole('cell', { name: person.email }).first()).toBeVisible()
  await expectAccessible(admin)
  await admin
    .getByRole('row')
    .filter({ hasText: person.email })
    .first()
    .getByRole('link', { name: 'Confirm your email address' })
    .click()
  await expect(admin.getByText(`Hello ${person.name},`)).toBeVisible()
  await expect(
    admin.frameLocator('iframe.mail-frame').getByRole('link', { name: 'Confirm my email' }),
  ).toBeVisible()
  await expectAccessible(admin)
  await ctx.close()

  await page.goto(await linkFromOutbox(browser, person.email, 'Confirm your email address'))
  await page.getByRole('button', { name: 'Confirm my email' }).click()
  await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Confirm your email' })).toHaveCount(0)
})

test('forgot password: the mail, a new password, log in with it; the link works once', async ({
  page,
  browser,
  user,
}) => {
  test.slow() // two browsers and the outbox on a shared machine
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expectAccessible(page)
  await page.getByLabel('Email').fill(user.email)
  await page.getByRole('button', { name: 'Send the link' }).click()
  await expect(page.getByText(`If an account uses ${user.email}`)).toBeVisible()

  const link = await linkFromOutbox(browser, user.email, 'Set a new password')
  await page.goto(link)
  await expectAccessible(page)
  const fresh = 'a completely different passphrase'
  await page.getByLabel('New password', { exact: true }).fill(fresh)
  await page.getByLabel('Repeat the new password').fill(fresh)
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await expect(page.getByText('Your new password is set')).toBeVisible()
  await logIn(page, user.email, fresh)

  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible()
  await expect(page.getByText('This link was already used')).toBeVisible()
})
