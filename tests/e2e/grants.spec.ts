import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

// The two seeded grants of "Neighbourhood Health Grants 2026" (app/seed/demo-review-round.ts).
// Each test changes one part of one grant that no other spec reads: the Westgate report (the
// first test), the Scioto report (the second), the Scioto payments and a milestone added to it
// (the third). decisions.spec.ts reads only Scioto's award notice, which none of these changes.
const GRANTS = '/orgs/riverbend-community-foundation/grants'
const WESTGATE_REPORT = 'Rooms open: first month'
const SCIOTO_REPORT = 'Coaches hired and first releases met'

/** The part of a grant page about one reporting milestone, found by its title. */
const milestone = (page: Page, title: string) =>
  page.locator('section.stack', {
    has: page.getByRole('heading', { level: 3, name: new RegExp(`^${title}`) }),
  })

/** The officer opens a grant from the funder's list of grants, by its grantee. */
async function officerOpensGrant(page: Page, grantee: string) {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(GRANTS)
  await expect(page.getByRole('heading', { name: 'Grants' })).toBeVisible()
  await page.getByRole('link', { name: grantee }).click()
  await expect(page.getByRole('heading', { name: `Grant to ${grantee}` })).toBeVisible()
}

test('the grantee finds its grant, reads the schedule and submits the due report with a file; the officer downloads it and asks for changes; the group revises and the officer accepts', async ({
  page,
  browser,
}) => {
  // Two people, five pages checked by axe, a report sent twice.
  test.slow()
  // The group lead starts from the home page: their organisation, its grants, the grant.
  await logIn(page, 'tomas@example.org', DEMO_PASSWORD)
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Westgate Tenants Union' }).click()
  await page.getByRole('link', { name: 'Grants', exact: true }).click()
  const list = page.getByRole('table', { name: 'Grants, newest first' })
  await expect(list.getByRole('row', { name: /\$10,000\.00.*Active/ })).toBeVisible()
  await expectAccessible(page)
  await list.getByRole('link', { name: 'Neighbourhood Health Grants 2026' }).click()
  await expect(page).toHaveURL(/\/grants\/[0-9a-f-]{36}$/)
  const grantUrl = new URL(page.url()).pathname
  await expect(
    page.getByRole('heading', { name: 'Grant from Neighbourhood Health Grants 2026' }),
  ).toBeVisible()

  // The schedule: two instalments that make the $10,000 award, neither paid yet.
  const payments = page.getByRole('table', { name: 'Payment schedule' })
  await expect(payments.getByRole('row', { name: /\$6,000\.00.*Scheduled/ })).toBeVisible()
  await expect(payments.getByRole('row', { name: /\$4,000\.00.*Scheduled/ })).toBeVisible()
  // The report due soon, with what the funder asks, and the final report.
  const due = milestone(page, WESTGATE_REPORT)
  await expect(due.getByRole('heading', { name: /Due/ })).toBeVisible()
  await expect(due.getByText(/How many neighbours used the rooms/)).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Final report/ })).toBeVisible()
  await expectAccessible(page)

  // The report: what happened and two figures; a figure that is not a whole number is refused.
  await due
    .getByLabel('What happened')
    .fill('Both rooms opened on the first cold night. We logged 14 heating failures.')
  await due.getByLabel('People reached').fill('86')
  await due.getByLabel('Volunteers involved').fill('2.5')
  await due.getByRole('button', { name: 'Submit the report' }).click()
  await expect(due.getByText('Enter a whole number (0 or more), or leave it empty.')).toBeVisible()
  await due.getByLabel('Volunteers involved').fill('9')
  await due.getByRole('button', { name: 'Submit the report' }).click()
  await expect(page.getByText('Your report is submitted; the funder is told.')).toBeVisible()
  await expect(due.getByRole('heading', { name: /Submitted, awaiting review/ })).toBeVisible()
  await expect(due.getByRole('button', { name: 'Submit the report' })).toHaveCount(0)
  // Files go with the report while it awaits review; one over 1 MB (more than a form may hold).
  await due.getByLabel('Add a file to this report').setInputFiles({
    name: 'heating-log.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`night,failures\n${'1,3\n'.repeat(400_000)}`),
  })
  await due.getByRole('button', { name: /Upload/ }).click()
  await expect(due.getByRole('link', { name: 'heating-log.csv' })).toBeVisible()

  // The officer reads it on the grant page and asks for changes (a message is needed).
  const context = await browser.newContext()
  const officer = await context.newPage()
  await officerOpensGrant(officer, 'Westgate Tenants Union')
  const submitted = milestone(officer, WESTGATE_REPORT)
  await expect(submitted.getByText(/We logged 14 heating failures\./)).toBeVisible()
  await expect(submitted.getByRole('definition').filter({ hasText: /^86$/ })).toBeVisible()
  const [download] = await Promise.all([
    officer.waitForEvent('download'),
    submitted.getByRole('link', { name: 'heating-log.csv' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('heating-log.csv')
  await expectAccessible(officer)
  await submitted.getByRole('button', { name: 'Ask for changes' }).click()
  await expect(officer.getByText('Say what should change: the group will read it.')).toBeVisible()
  await submitted
    .getByLabel(/What should change in/)
    .fill('Please say how the night rota was covered.')
  await submitted.getByRole('button', { name: 'Ask for changes' }).click()
  await expect(officer.getByText('The group is asked for changes.')).toBeVisible()

  // The group reads the request and revises the report, which starts from what it sent.
  await page.goto(grantUrl)
  await expect(due.getByRole('heading', { name: /Changes requested/ })).toBeVisible()
  await expect(due.getByText('Please say how the night rota was covered.')).toBeVisible()
  const body = due.getByLabel('What happened')
  await expect(body).toHaveValue(/We logged 14 heating failures\./)
  await body.fill(`${await body.inputValue()} Two volunteers covered each night in turn.`)
  await due.getByRole('button', { name: 'Submit the report' }).click()
  await expect(page.getByText('Your report is submitted; the funder is told.')).toBeVisible()

  // The officer accepts the revision; the group sees it accepted.
  await officer.reload()
  await expect(submitted.getByText(/Two volunteers covered each night/)).toBeVisible()
  await submitted.getByRole('button', { name: 'Accept the report' }).click()
  await expect(officer.getByText('The report is accepted; the group is told.')).toBeVisible()
  await expect(submitted.getByRole('heading', { name: /Accepted/ })).toBeVisible()
  await context.close()
  await page.reload()
  await expect(due.getByRole('heading', { name: /Accepted/ })).toBeVisible()
})

test('the officer accepts the report Scioto already sent; the group is told and sees it accepted', async ({
  page,
  browser,
}) => {
  await officerOpensGrant(page, 'Scioto Valley Recovery Alliance')
  const report = milestone(page, SCIOTO_REPORT)
  await expect(report.getByRole('heading', { name: /Submitted, awaiting review/ })).toBeVisible()
  await expect(report.getByText(/we met 23 people at the jail door/)).toBeVisible()
  await report.getByRole('button', { name: 'Accept the report' }).click()
  await expect(page.getByText('The report is accepted; the group is told.')).toBeVisible()
  await expect(report.getByRole('heading', { name: /Accepted/ })).toBeVisible()
  await expect(report.getByRole('button', { name: 'Accept the report' })).toHaveCount(0)

  const leah = await (await browser.newContext()).newPage()
  await logIn(leah, 'leah@example.org', DEMO_PASSWORD)
  await leah.goto('/notifications')
  await leah
    .getByRole('link', {
      name: `The funder accepted your report “${SCIOTO_REPORT}” for Neighbourhood Health Grants 2026.`,
    })
    .click()
  await expect(leah).toHaveURL(/\/grants\/[0-9a-f-]{36}$/)
  await expect(
    milestone(leah, SCIOTO_REPORT).getByRole('heading', { name: /Accepted/ }),
  ).toBeVisible()
  await expectAccessible(leah)
})

test('the officer holds a payment while a report is overdue and marks the first instalment paid; the group sees it paid', async ({
  page,
  browser,
}) => {
  test.slow()
  await officerOpensGrant(page, 'Scioto Valley Recovery Alliance')
  const payments = page.getByRole('table', { name: 'Payment schedule' })
  // Rows: the header, then the three $5,000 instalments in date order.
  const first = payments.getByRole('row').nth(1)
  const second = payments.getByRole('row').nth(2)
  // Nothing is overdue yet, so nothing can be held.
  await expect(page.getByText('Hold…')).toHaveCount(0)

  // A milestone whose day has passed, with no report: it is overdue, and payments can be held.
  const past = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10)
  await page.getByText('Add a reporting milestone').click()
  const add = page.locator('details', { has: page.getByText('Add a reporting milestone') })
  await add.getByLabel('Title').fill('Board minutes on the jail agreement')
  await add.getByLabel('Due on').fill(past)
  await add.getByRole('button', { name: 'Add the milestone' }).click()
  await expect(page.getByText('The milestone is saved.')).toBeVisible()
  await expect(
    milestone(page, 'Board minutes on the jail agreement').getByRole('heading', {
      name: /Overdue/,
    }),
  ).toBeVisible()
  await expect(
    page.getByText('A report is overdue: you can hold a payment until it comes in.'),
  ).toBeVisible()
  await expectAccessible(page)

  // Hold the second instalment with the reason the group reads; it cannot be paid while held.
  await second.getByText('Hold…').click()
  await second.getByLabel(/Why the payment is held/).fill('Waiting for the board minutes.')
  await second.getByRole('button', { name: 'Hold the payment' }).click()
  await expect(page.getByText('The payment is held.')).toBeVisible()
  await expect(second).toContainText('Held — Waiting for the board minutes.')
  await expect(second.getByText('Mark paid…')).toHaveCount(0)
  await expect(second.getByRole('button', { name: 'Release' })).toBeVisible()

  // Mark the first instalment paid: the box must be ticked.
  await first.getByText('Mark paid…').click()
  await first.getByRole('button', { name: 'Mark paid' }).click()
  await expect(page.getByText('Tick the box to confirm the money was sent.')).toBeVisible()
  await first.getByLabel(/I confirm this payment was sent to the group/).check()
  await first.getByRole('button', { name: 'Mark paid' }).click()
  await expect(page.getByText('The payment is marked paid; the group is told.')).toBeVisible()
  await expect(first).toContainText(/Paid \(/)
  await expect(page.getByText(/Paid so far/).locator('xpath=following-sibling::dd[1]')).toHaveText(
    '$5,000.00',
  )

  // The group hears of the payment and sees it paid, the next one held with the reason.
  const leah = await (await browser.newContext()).newPage()
  await logIn(leah, 'leah@example.org', DEMO_PASSWORD)
  await leah.goto('/notifications')
  await leah
    .getByRole('link', {
      name: 'A payment of $5,000.00 from Neighbourhood Health Grants 2026 was made to your group.',
    })
    .click()
  await expect(leah).toHaveURL(/\/grants\/[0-9a-f-]{36}$/)
  const theirs = leah.getByRole('table', { name: 'Payment schedule' })
  await expect(theirs.getByRole('row').nth(1)).toContainText(/\$5,000\.00\s*Paid \(/)
  await expect(theirs.getByRole('row').nth(2)).toContainText(
    'Held — Waiting for the board minutes.',
  )
  await expect(
    milestone(leah, 'Board minutes on the jail agreement').getByRole('heading', {
      name: /Overdue/,
    }),
  ).toBeVisible()
  await expectAccessible(leah)
})
