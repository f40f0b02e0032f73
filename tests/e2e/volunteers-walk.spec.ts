import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { acceptAsDemoVolunteer, aPastDayOfItsOwn, inviteFromProfile } from './engagement-steps.ts'
import { DEMO_PASSWORD, expect, logIn, test } from './fixtures.ts'

/**
 * Issue 11's "Done means", as one walk: the demo group (Tomás of the Westgate Tenants Union, which
 * holds a grant) posts a request from the catalogue for the work its grant supports, with its
 * preferred language and working hours; sees ranked volunteers with reasons in words; invites the
 * demo volunteer (Sam Lee), who accepts and logs hours; the group verifies them, and the grant
 * shows the in-kind value beside its cash. axe checks every page (everyPageAccessible).
 *
 * Repeatable on one server (`--repeat-each`): the request has its own title, the hours go on a
 * day of their own, and the grant's in-kind value is compared with what it was before this run.
 */

/** The grant's in-kind line as numbers: dollars and verified hours. */
async function grantInKind(page: Page) {
  await page.goto('/orgs/westgate-tenants-union/grants')
  await page
    .getByRole('table', { name: 'Grants, newest first' })
    .getByRole('link', { name: 'Neighbourhood Health Grants 2026' })
    .click()
  const text = (await page.getByTestId('grant-in-kind').textContent()) ?? ''
  const match = /\$([\d,]+\.\d{2}) \(([\d.,]+) verified volunteer hours?\)/.exec(text)
  expect(match, text).not.toBeNull()
  return { dollars: Number(match![1]!.replace(/,/g, '')), hours: Number(match![2]) }
}

test('the demo group posts a request for its grant, invites a ranked volunteer who accepts and logs hours; verified, they show on the grant', async ({
  page,
  browser,
}) => {
  test.slow()
  const title = `Grant ledger for the warm rooms ${randomBytes(3).toString('hex')}`
  await logIn(page, 'tomas@example.org', DEMO_PASSWORD)
  const before = await grantInKind(page)

  // From the catalogue, scoped with the group's preferences and the grant the work supports.
  await page.goto('/orgs/westgate-tenants-union/volunteer-requests')
  await page.getByRole('link', { name: 'Post a request' }).first().click()
  await page.getByRole('link', { name: 'Start from “Bookkeeping set-up”' }).click()
  await expect(page.getByRole('heading', { name: 'Scope your request' })).toBeVisible()
  await page.getByLabel('Title').fill(title)
  await page
    .getByRole('group', { name: 'Languages a volunteer would ideally also speak' })
    .getByRole('checkbox', { name: 'Korean' })
    .check()
  await page.getByLabel('Time zone of your working hours').selectOption('America/New_York')
  const evening = page.getByRole('group', { name: 'Window 1' })
  await evening.getByLabel('Day').selectOption({ label: 'Tuesday' })
  await evening.getByLabel('From').fill('18:00')
  await evening.getByLabel('Until').fill('21:00')
  await page
    .getByLabel('Grant this work supports')
    .selectOption({ label: 'Warm rooms and cool rooms in our apartment blocks' })
  await page.getByRole('button', { name: 'Open to volunteers' }).click()
  await expect(page.getByText('The request is open to volunteers.')).toBeVisible()

  // Ranked volunteers, each with the reasons in words; the preferences score.
  await page.getByRole('link', { name: title }).click()
  const suggested = page.locator('section.card', {
    has: page.getByRole('heading', { name: 'Suggested volunteers' }),
  })
  const sam = suggested
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Sam Lee' }) })
  await expect(sam).toHaveCount(1)
  await sam.getByText('Why this match').click()
  await expect(sam.getByText('Languages the group prefers: speaks 1 of 1 (Korean)')).toBeVisible()
  await expect(sam.getByText('Working time shared with the group: 3 h a week')).toBeVisible()

  // The invitation, from the volunteer's profile.
  await sam.getByRole('link', { name: 'Sam Lee' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Lee' })).toBeVisible()
  await inviteFromProfile(
    page,
    `${title} (Westgate Tenants Union)`,
    'Could you set up the grant ledger?',
  )
  const engagementUrl = new URL(page.url()).pathname

  // The volunteer accepts, starts and logs hours.
  const volunteer = await acceptAsDemoVolunteer(
    browser,
    engagementUrl,
    'Could you set up the grant ledger?',
    'Happy to.',
  )
  await volunteer.getByRole('button', { name: 'Start' }).click()
  await expect(volunteer.getByText('Status: Active')).toBeVisible()
  await volunteer.getByLabel('Date worked').fill(aPastDayOfItsOwn())
  await volunteer.getByLabel('Hours', { exact: true }).fill('2')
  await volunteer.getByLabel('What was done').fill('Set up the grant ledger and its categories.')
  await volunteer.getByRole('button', { name: 'Log hours' }).click()
  await expect(volunteer.getByText('Hours logged.')).toBeVisible()
  await volunteer.context().close()

  // The group verifies; the value shows on the engagement and on the grant, beside its cash.
  await page.goto(engagementUrl)
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByText('Hours verified.')).toBeVisible()
  // Bookkeeping at the professional finance rate: two hours at $120.
  await expect(page.getByTestId('in-kind')).toHaveText('$240.00 from 2 verified hours')
  const after = await grantInKind(page)
  // Other runs on the same server may add theirs meanwhile: at least this run's is there.
  expect(after.dollars).toBeGreaterThanOrEqual(before.dollars + 240)
  expect(after.hours).toBeGreaterThanOrEqual(before.hours + 2)
})
