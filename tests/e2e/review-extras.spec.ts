import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

const PROGRAM = '/orgs/riverbend-community-foundation/programs/community-health-access-2027'
const TITLE = 'Healthy homes: mould and lead repairs organised by tenants'
const MESSAGE = 'Please say how many apartments each organiser will survey.'
const NOTE = 'Their lawyer also advises our board: worth a word before deciding.'

test('the officer asks the group for changes and keeps a note; the group edits and resubmits; the history shows both', async ({
  page,
  browser,
}) => {
  // Two people, eight pages, each checked by axe.
  test.slow()
  // The officer opens the application from the program's list and sends it back.
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/applications`)
  await page.getByRole('link', { name: TITLE }).click()
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
  const applicationUrl = new URL(page.url()).pathname
  await page.getByRole('link', { name: 'Ask the group for changes' }).click()
  await expectAccessible(page)
  // An empty message is refused next to the field.
  await page.getByRole('button', { name: 'Send back to the group' }).click()
  await expect(page.getByText('Write what the group should change')).toBeVisible()
  await page.getByLabel('What should the group change?').fill(MESSAGE)
  await page.getByRole('button', { name: 'Send back to the group' }).click()
  await expect(page.getByText('Sent back to the group with your message.')).toBeVisible()

  // An internal note: the officers' only.
  await page.getByRole('link', { name: 'Internal notes' }).click()
  await page.getByLabel('Note').fill(NOTE)
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByText(NOTE)).toBeVisible()
  await expectAccessible(page)

  // The group: the message stands above the steps; the note is nowhere.
  const context = await browser.newContext()
  const group = await context.newPage()
  await logIn(group, 'tomas@example.org', DEMO_PASSWORD)
  await group.goto(applicationUrl)
  await expect(group.getByRole('heading', { name: 'The funder asked for changes' })).toBeVisible()
  await expect(group.getByText(MESSAGE)).toBeVisible()
  await expect(group.getByText(NOTE)).toHaveCount(0)
  await expectAccessible(group)
  await group.goto(`${applicationUrl}/project`)
  await expect(group.getByText(MESSAGE)).toBeVisible()
  const summary = group.getByLabel('What will you do, with whom, and what will change?')
  await summary.fill(
    `${await summary.inputValue()} Each of our four organisers will survey 100 apartments.`,
  )
  await group.getByRole('button', { name: 'Save and continue' }).click()
  await expect(group).not.toHaveURL(/\/project$/)
  await group.goto(`${applicationUrl}/review`)
  await group
    .getByLabel(
      'I understand that once sent back, the funder reads this version and it can no longer be changed.',
    )
    .check()
  await group.getByRole('button', { name: 'Send back to the funder' }).click()
  await expect(
    group.getByText('Application sent back to the funder with your changes.'),
  ).toBeVisible()
  await expect(group.getByText(/Resubmitted with changes by Tomás Rivera/)).toBeVisible()
  await expect(group.getByText(NOTE)).toHaveCount(0)
  await context.close()

  // The officer reads the request and the resubmission in the history.
  await page.goto(applicationUrl)
  await expect(
    page.getByText(new RegExp(`Changes requested by Olivia Reyes.*${MESSAGE}`)),
  ).toBeVisible()
  await expect(page.getByText(/Resubmitted with changes by Tomás Rivera/)).toBeVisible()
  await expect(
    page.getByText('Each of our four organisers will survey 100 apartments.'),
  ).toBeVisible()
  await expectAccessible(page)
})
