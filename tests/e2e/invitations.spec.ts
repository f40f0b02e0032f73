import { confirmEmail, expect, expectAccessible, newUser, test } from './fixtures.ts'

test('an owner invites someone without an account, who signs up through the link and joins', async ({
  page,
  user,
  browser,
}) => {
  test.slow() // the colleague confirms their email through the admin's outbox too
  await page.goto('/orgs/new?kind=community_group')
  await page.getByLabel('Name').fill('Invite Test Collective')
  await page.getByRole('button', { name: 'Create organisation' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Invite Test Collective' }),
  ).toBeVisible()

  const invitee = newUser()
  await page.getByRole('link', { name: 'Members' }).click()
  await page.getByLabel('Their email').fill(invitee.email.toUpperCase())
  await page.getByLabel('Role', { exact: true }).selectOption('reviewer')
  await page.getByRole('button', { name: 'Invite', exact: true }).click()
  const linkField = page.getByLabel('Invitation link')
  await expect(linkField).toHaveValue(/\/invitations\/[\w-]+$/)
  await expect(page.getByText('it works once, for this email, for 14 days')).toBeVisible()
  await expect(page.getByRole('cell', { name: invitee.email, exact: true })).toBeVisible()
  await expectAccessible(page)
  const link = await linkField.inputValue()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy the link' }).click()
  await expect(page.getByText('Copied.')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)

  const ctx = await browser.newContext()
  const guest = await ctx.newPage()
  await guest.goto(link)
  await expect(
    guest.getByRole('heading', { level: 1, name: 'Invitation to Invite Test Collective' }),
  ).toBeVisible()
  await expect(guest.getByText(`${user.name} invited ${invitee.email}`)).toBeVisible()
  await expectAccessible(guest)
  await guest.getByRole('link', { name: 'Create an account' }).click()
  await guest.getByLabel('Your name').fill(invitee.name)
  await guest.getByLabel('Email').fill(invitee.email)
  await guest.getByLabel('Password').fill(invitee.password)
  await guest.getByRole('button', { name: 'Sign up' }).click()

  const join = guest.getByRole('button', { name: 'Join Invite Test Collective' })
  await expect(join).toBeVisible()
  expect(guest.url()).toBe(link)
  await expectAccessible(guest)
  // Joining needs a confirmed email: the verification mail's link, then back to the invitation.
  await confirmEmail(browser, guest, invitee.email)
  await guest.goto(link)
  await join.click()
  await expect(
    guest.getByRole('heading', { level: 1, name: 'Invite Test Collective' }),
  ).toBeVisible()
  await expect(guest.getByText('You joined Invite Test Collective as reviewer.')).toBeVisible()

  // The link is used up.
  await guest.goto(link)
  await expect(guest.getByText('This invitation has already been used.')).toBeVisible()
  await ctx.close()

  await page.reload()
  await expect(page.getByText('No pending invitations')).toBeVisible()
  await expect(page.getByRole('cell', { name: invitee.name, exact: true })).toBeVisible()
})
