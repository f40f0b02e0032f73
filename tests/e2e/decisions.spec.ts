import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

const PROGRAM = '/orgs/riverbend-community-foundation/programs/neighbourhood-health-grants-2026'

test('the officer awards one application and declines one with feedback; each group sees its outcome and notice', async ({
  page,
  browser,
}) => {
  // Three people in three browsers, five pages checked by axe.
  test.slow()
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/decisions`)
  await expect(page.getByRole('heading', { name: 'Decisions' })).toBeVisible()
  await expectAccessible(page)

  // Award: the amount is prefilled with the request; the box must be ticked.
  await page.getByRole('link', { name: 'Walking groups and free blood-pressure checks' }).click()
  await expect(page.getByRole('heading', { name: /^Decide: Walking groups/ })).toBeVisible()
  await expectAccessible(page)
  await expect(page.getByLabel('Amount to award')).toHaveValue('8000.00')
  await page.getByRole('button', { name: 'Award', exact: true }).click()
  await expect(
    page.getByText('Tick the box to confirm: a decision cannot be undone.'),
  ).toBeVisible()
  await page.getByLabel(/I understand that the award is final/).check()
  await page.getByRole('button', { name: 'Award', exact: true }).click()
  await expect(page.getByText('The application is awarded; the group has been told.')).toBeVisible()

  // Decline: feedback is required.
  await page.goto(`${PROGRAM}/decisions`)
  await page.getByRole('link', { name: 'Winter produce boxes for elders' }).click()
  await page.getByLabel(/I understand that the decline is final/).check()
  await page.getByRole('button', { name: 'Decline', exact: true }).click()
  await expect(page.getByText(/Write feedback the group can use/)).toBeVisible()
  await page
    .getByLabel('Feedback for the group')
    .fill('Show how the deliveries continue once the youth stipends end.')
  await page.getByRole('button', { name: 'Decline', exact: true }).click()
  await expect(page.getByText(/The application is declined/)).toBeVisible()
  await page.goto(`${PROGRAM}/decisions`)
  const list = page.getByRole('table', { name: /Applications and their decisions/ })
  await expect(
    list.getByRole('row', { name: /Walking groups.*Awarded.*\$8,000\.00/ }),
  ).toBeVisible()
  await expect(list.getByRole('row', { name: /Winter produce.*Declined/ })).toBeVisible()

  // The awarded group hears of it and reads the amount.
  const eastside = await (await browser.newContext()).newPage()
  await logIn(eastside, 'maria@example.org', DEMO_PASSWORD)
  await eastside.goto('/notifications')
  await eastside
    .getByRole('link', { name: /Your application to .* was awarded a grant\./ })
    .first()
    .click()
  await expect(eastside.getByRole('heading', { name: 'Your application is awarded' })).toBeVisible()
  await expect(eastside.getByText('The funder awarded your group $8,000.00.')).toBeVisible()
  await expectAccessible(eastside)

  // The declined group reads the feedback and its scores, never a reviewer's name.
  const northfield = await (await browser.newContext()).newPage()
  await logIn(northfield, 'james@example.org', DEMO_PASSWORD)
  await northfield.goto('/notifications')
  await northfield
    .getByRole('link', { name: /The funder decided not to fund your application/ })
    .first()
    .click()
  await expect(
    northfield.getByRole('heading', { name: 'Your application was not funded' }),
  ).toBeVisible()
  await expect(
    northfield.getByText('Show how the deliveries continue once the youth stipends end.'),
  ).toBeVisible()
  await expect(northfield.getByText('Ruth Bello')).toHaveCount(0)
  await expectAccessible(northfield)
})
