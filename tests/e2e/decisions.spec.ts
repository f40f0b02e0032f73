import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

const PROGRAM = '/orgs/riverbend-community-foundation/programs/neighbourhood-health-grants-2026'

test('the officer awards one application and declines one with feedback; each group sees its outcome and notice', async ({
  page,
  browser,
}) => {
  // Three people in three browsers, six pages checked by axe.
  test.slow()
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/decisions`)
  await expect(page.getByRole('heading', { name: 'Decisions' })).toBeVisible()
  await expectAccessible(page)

  // The seed left two applications for this spec alone: the ASL navigation to award and the
  // healing circles to decline (app/seed/demo-review-round.ts).
  // Award: the amount is prefilled with the request; the box must be ticked.
  await page.getByRole('link', { name: 'ASL health navigation at two clinics' }).click()
  await expect(page.getByRole('heading', { name: /^Decide: ASL health navigation/ })).toBeVisible()
  await expectAccessible(page)
  await expect(page.getByLabel('Amount to award')).toHaveValue('14000.00')
  await page.getByRole('button', { name: 'Award', exact: true }).click()
  await expect(
    page.getByText('Tick the box to confirm: a decision cannot be undone.'),
  ).toBeVisible()
  await page.getByLabel(/I understand that the award is final/).check()
  await page.getByRole('button', { name: 'Award', exact: true }).click()
  await expect(page.getByText('The application is awarded; the group has been told.')).toBeVisible()

  // Decline: feedback is required.
  await page.goto(`${PROGRAM}/decisions`)
  await page.getByRole('link', { name: 'Healing circles for newly arrived families' }).click()
  await page.getByLabel(/I understand that the decline is final/).check()
  await page.getByRole('button', { name: 'Decline', exact: true }).click()
  await expect(page.getByText(/Write feedback the group can use/)).toBeVisible()
  await page
    .getByLabel('Feedback for the group')
    .fill('Show how families shape the circles and how the facilitators are trained.')
  await page.getByRole('button', { name: 'Decline', exact: true }).click()
  await expect(page.getByText(/The application is declined/)).toBeVisible()
  await page.goto(`${PROGRAM}/decisions`)
  const list = page.getByRole('table', { name: /Applications and their decisions/ })
  await expect(
    list.getByRole('row', { name: /ASL health navigation.*Awarded.*\$14,000\.00/ }),
  ).toBeVisible()
  await expect(list.getByRole('row', { name: /Healing circles.*Declined/ })).toBeVisible()

  // The award became a grant, paid in one payment until the officer reshapes the schedule: two
  // quarterly payments of $7,000 that make the award.
  await page.goto('/orgs/riverbend-community-foundation/grants')
  await page.getByRole('link', { name: 'Dayton Deaf Community Center' }).click()
  const payments = page.getByRole('table', { name: 'Payment schedule' })
  await expect(payments.getByRole('row', { name: /\$14,000\.00.*Scheduled/ })).toBeVisible()
  await page.getByLabel('Number of payments').fill('2')
  await page.getByRole('button', { name: 'Generate payments' }).click()
  await expect(page.getByLabel('Amount of payment 1')).toHaveValue('7000.00')
  await expect(page.getByLabel('Amount of payment 2')).toHaveValue('7000.00')
  await expect(page.getByText('The schedule adds up to the award.')).toBeVisible()
  await page.getByRole('button', { name: 'Save the schedule' }).click()
  await expect(page.getByText('The schedule is saved.')).toBeVisible()
  await expect(payments.getByRole('row', { name: /\$7,000\.00.*Scheduled/ })).toHaveCount(2)
  await expectAccessible(page)

  // The awarded group hears of it and reads the amount.
  const dayton = await (await browser.newContext()).newPage()
  await logIn(dayton, 'ben@example.org', DEMO_PASSWORD)
  await dayton.goto('/notifications')
  await dayton
    .getByRole('link', { name: /Your application to .* was awarded a grant\./ })
    .first()
    .click()
  await expect(dayton.getByRole('heading', { name: 'Your application is awarded' })).toBeVisible()
  await expect(dayton.getByText('The funder awarded your group $14,000.00.')).toBeVisible()
  await expectAccessible(dayton)

  // The declined group reads the feedback and its scores, never a reviewer's name.
  const toledo = await (await browser.newContext()).newPage()
  await logIn(toledo, 'amina@example.org', DEMO_PASSWORD)
  await toledo.goto('/notifications')
  await toledo
    .getByRole('link', { name: /The funder decided not to fund your application/ })
    .first()
    .click()
  await expect(
    toledo.getByRole('heading', { name: 'Your application was not funded' }),
  ).toBeVisible()
  await expect(
    toledo.getByText('Show how families shape the circles and how the facilitators are trained.'),
  ).toBeVisible()
  await expect(toledo.getByText('Ruth Bello')).toHaveCount(0)
  await expectAccessible(toledo)
})

test('the seeded decisions: the declined group reads its feedback and the shared comments, the awarded one its grant', async ({
  page,
  browser,
}) => {
  await logIn(page, 'marcus@example.org', DEMO_PASSWORD)
  await page.goto('/notifications')
  await page.getByRole('link', { name: /The funder decided not to fund your application/ }).click()
  await expect(page.getByRole('heading', { name: 'Your application was not funded' })).toBeVisible()
  await expect(page.getByText(/put the routes to school at the centre of the plan/)).toBeVisible()
  await expect(
    page.getByText('Safe routes to school could outlast the grant if the city adopts them.'),
  ).toBeVisible()
  for (const name of ['Ruth Bello', 'Priya Natarajan']) {
    await expect(page.getByText(name)).toHaveCount(0)
  }
  await expectAccessible(page)

  const scioto = await (await browser.newContext()).newPage()
  await logIn(scioto, 'leah@example.org', DEMO_PASSWORD)
  await scioto.goto('/notifications')
  await scioto.getByRole('link', { name: /Your application to .* was awarded a grant\./ }).click()
  await expect(scioto.getByText('The funder awarded your group $15,000.00.')).toBeVisible()
})
