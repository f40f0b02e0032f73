import { confirmEmail, expect, expectAccessible, newUser } from './fixtures.ts'
import { test } from './signed-in.ts'

test('a group sets up its organisation, edits the profile and manages members', async ({
  signedInPage: page,
  browser,
}) => {
  // Someone to add later, with an account of their own.
  test.slow() // the colleague confirms their email through the admin's outbox too
  const colleague = newUser()
  const ctx = await browser.newContext()
  const signup = await ctx.request.post('/signup', {
    form: { name: colleague.name, email: colleague.email, password: colleague.password },
    maxRedirects: 0,
  })
  expect(signup.status()).toBe(302)

  await page.goto('/')
  await expect(page.getByText('You are not part of an organisation yet')).toBeVisible()
  await page.getByRole('link', { name: 'Set up a community group' }).click()
  await expect(page).toHaveURL(/\/orgs\/new/)
  await expectAccessible(page)
  await expect(page.getByLabel(/Community group/)).toBeChecked()
  await page.getByLabel('Name').fill('Harbor Youth Garden')
  await page.getByLabel('Website').fill('harbor.example')
  await page.getByRole('button', { name: 'Create organisation' }).click()
  await expect(page.getByText('Enter a full address starting with https://')).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveValue('Harbor Youth Garden')
  await page.getByLabel('Website').fill('https://harbor.example')
  await page.getByLabel('Who leads the organisation').fill('Young people from the harbor estate')
  await page.getByRole('button', { name: 'Create organisation' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Harbor Youth Garden' })).toBeVisible()
  await expect(page.getByText('is set up. You are its owner.')).toBeVisible()
  await expect(page.getByText('Young people from the harbor estate')).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Profile settings' }).click()
  await page.getByLabel('Mission').fill('Growing food and skills with harbor youth.')
  await page.getByLabel('Annual budget').selectOption({ label: 'Under $50,000' })
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByText('Profile saved.')).toBeVisible()
  await expect(page.getByText('Growing food and skills with harbor youth.')).toBeVisible()

  await page.getByRole('link', { name: 'Members' }).click()
  await page.getByLabel('Their email').fill('no-such-person@example.test')
  await page.getByRole('button', { name: 'Invite', exact: true }).click()
  // Everyone gets an invitation; its link is for people without an account
  // (tests/e2e/invitations.spec.ts).
  await expect(page.getByLabel('Invitation link')).toHaveValue(/\/invitations\//)
  await page.getByLabel('Their email').fill(colleague.email)
  await page.getByLabel('Role', { exact: true }).selectOption('admin')
  await page.getByRole('button', { name: 'Invite', exact: true }).click()
  await expect(page.getByText(`${colleague.email} is invited as admin.`)).toBeVisible()
  // Not a member until they say yes.
  await expect(page.getByRole('cell', { name: colleague.name, exact: true })).toHaveCount(0)
  await expectAccessible(page)

  // The colleague, signed in elsewhere, finds the invitation on their dashboard and accepts.
  const colleaguePage = await ctx.newPage()
  // Joining needs a confirmed email: the colleague uses the link of their verification mail.
  await confirmEmail(browser, colleaguePage, colleague.email)
  await colleaguePage.goto('/')
  await expect(colleaguePage.getByText('Invitations waiting for you')).toBeVisible()
  await expectAccessible(colleaguePage)
  await colleaguePage
    .getByRole('button', { name: 'Accept the invitation to Harbor Youth Garden' })
    .click()
  await expect(colleaguePage.getByText('You joined Harbor Youth Garden as admin.')).toBeVisible()

  await page.reload()
  await expect(page.getByRole('cell', { name: colleague.name, exact: true })).toBeVisible()

  await page.getByLabel(`Role for ${colleague.name}`).selectOption('reviewer')
  await page.getByRole('button', { name: `Change role for ${colleague.name}` }).click()
  await expect(page.getByText('Role changed.')).toBeVisible()
  await expect(page.getByLabel(`Role for ${colleague.name}`)).toHaveValue('reviewer')

  // The only owner cannot leave.
  await page.getByRole('button', { name: 'Leave organisation' }).click()
  await expect(page.getByText('You are the only owner')).toBeVisible()

  await page.getByRole('button', { name: `Remove ${colleague.name}` }).click()
  await expect(page.getByText('Member removed.')).toBeVisible()
  await ctx.close()
})

test('a user in two organisations switches between them', async ({ signedInPage: page }) => {
  for (const [kind, name] of [
    ['community_group', 'Switch Test Group'],
    ['funder', 'Switch Test Fund'],
  ] as const) {
    await page.goto(`/orgs/new?kind=${kind}`)
    await page.getByLabel('Name').fill(name)
    await page.getByRole('button', { name: 'Create organisation' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  }
  const switcher = page.getByLabel('Working in')
  await expect(switcher).toHaveValue(/.+/)
  await switcher.selectOption({ label: 'Switch Test Group' })
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Switch Test Group' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Switch Test Group')
  await expectAccessible(page)
})

test("another organisation's pages answer 404", async ({ signedInPage: page }) => {
  const response = await page.goto('/orgs/eastside-health-collective')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expectAccessible(page)
  const settings = await page.goto('/orgs/eastside-health-collective/settings')
  expect(settings?.status()).toBe(404)
})
