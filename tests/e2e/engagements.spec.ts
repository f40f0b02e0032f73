import { randomBytes } from 'node:crypto'
import { acceptAsDemoVolunteer, aPastDayOfItsOwn, inviteFromProfile } from './engagement-steps.ts'
import { DEMO_PASSWORD, expect, logIn, test } from './fixtures.ts'

/**
 * Issue 11's "done means", from the invitation on: the demo group invites the demo volunteer, who
 * accepts, sees the group's contact, starts and logs hours; the group verifies them and the
 * in-kind value shows on the engagement, and the seeded engagement's shows on the group's grant.
 * axe checks every page (everyPageAccessible).
 *
 * Repeatable on one server (`--repeat-each`): the group first posts a request of its own (a
 * volunteer is invited to a request once), and the hours go on a day of their own.
 */
test('the demo group invites the demo volunteer, who accepts and logs hours; the group verifies them and the in-kind value shows', async ({
  page,
  browser,
}) => {
  test.slow()
  const title = `Legal structure review ${randomBytes(3).toString('hex')}`
  await logIn(page, 'tomas@example.org', DEMO_PASSWORD)
  // Legal work, from the catalogue: this run's request, open to volunteers.
  await page.goto('/orgs/westgate-tenants-union/volunteer-requests')
  await page.getByRole('link', { name: 'Post a request' }).first().click()
  await page.getByRole('link', { name: 'Start from “Legal structure review”' }).click()
  await expect(page.getByRole('heading', { name: 'Scope your request' })).toBeVisible()
  await page.getByLabel('Title').fill(title)
  await page.getByRole('button', { name: 'Open to volunteers' }).click()
  await expect(page.getByText('The request is open to volunteers.')).toBeVisible()

  await page.goto('/engagements')
  await page.getByRole('link', { name: 'Bookkeeping for the warm rooms grant' }).click()
  // The seeded engagement: five verified hours of bookkeeping at $120 an hour.
  await expect(page.getByTestId('in-kind')).toHaveText('$600.00 from 5 verified hours')
  await page.getByRole('link', { name: 'Sam Lee' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Lee' })).toBeVisible()

  await inviteFromProfile(
    page,
    `${title} (Westgate Tenants Union)`,
    'Could you look over our bylaws?',
  )
  await expect(page.getByText('Status: Proposed')).toBeVisible()
  // Before an answer, no contact details on either side.
  await expect(
    page.getByText('Contact details show here once the proposal is accepted.'),
  ).toBeVisible()
  const engagementUrl = new URL(page.url()).pathname

  const sam = await acceptAsDemoVolunteer(
    browser,
    engagementUrl,
    'Could you look over our bylaws?',
    'Glad to help.',
  )
  await expect(sam.getByRole('link', { name: 'tomas@example.org' })).toBeVisible()
  await sam.getByRole('button', { name: 'Start' }).click()
  await expect(sam.getByText('Status: Active')).toBeVisible()

  // More than a day is refused beside the field, and what was typed stays.
  await sam.getByLabel('Date worked').fill(aPastDayOfItsOwn())
  await sam.getByLabel('Hours', { exact: true }).fill('30')
  await sam.getByRole('button', { name: 'Log hours' }).click()
  await expect(sam.getByText('That makes more than 24 hours on one day.')).toBeVisible()
  await sam.getByLabel('Hours', { exact: true }).fill('3')
  await sam
    .getByLabel('What was done')
    .fill('Read the bylaws and the fiscal sponsorship agreement.')
  await sam.getByRole('button', { name: 'Log hours' }).click()
  await expect(sam.getByText('Hours logged.')).toBeVisible()
  // The volunteer has no button to verify their own hours.
  await expect(sam.getByRole('button', { name: 'Verify' })).toHaveCount(0)
  await sam.context().close()

  await page.goto(engagementUrl)
  await expect(page.getByRole('link', { name: 'volunteer@example.org' })).toBeVisible()
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByText('Hours verified.')).toBeVisible()
  // Legal work at the professional rate: three hours at $120.
  await expect(page.getByTestId('in-kind')).toHaveText('$360.00 from 3 verified hours')

  // The seeded engagement came from the warm-rooms application, which became a grant.
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Westgate Tenants Union' }).click()
  await page.getByRole('link', { name: 'Grants', exact: true }).click()
  await page
    .getByRole('table', { name: 'Grants, newest first' })
    .getByRole('link', { name: 'Neighbourhood Health Grants 2026' })
    .click()
  // At least the seeded $600 from 5 hours: volunteers-walk.spec adds its own on the same server.
  const grantInKind = (await page.getByTestId('grant-in-kind').textContent()) ?? ''
  const [, dollars, hours] =
    /^\$([\d,]+\.\d{2}) \(([\d.,]+) verified volunteer hours\)$/.exec(grantInKind) ?? []
  expect(Number(dollars?.replace(/,/g, '')), grantInKind).toBeGreaterThanOrEqual(600)
  expect(Number(hours), grantInKind).toBeGreaterThanOrEqual(5)
})
