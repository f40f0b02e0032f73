import { expectNothingEnglish } from './english-left.ts'
import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

const PROGRAM = '/orgs/riverbend-community-foundation/programs/neighbourhood-health-grants-2026'

test('the officer reads the fairness page: score gaps and reviewer leniency, charts with their tables', async ({
  page,
  browser,
}) => {
  test.slow()
  // The community reviewer scores the last review in her queue (review.spec.ts scores the staff
  // reviewer's first), so the page has a review behind it whatever ran before.
  const context = await browser.newContext()
  const carmen = await context.newPage()
  await logIn(carmen, 'community@example.org', DEMO_PASSWORD)
  await carmen.goto('/reviews')
  const last = carmen.getByRole('link', { name: /^Review [0-9a-f]{8}$/ }).last()
  await last.click()
  await expect(carmen).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/)
  // The seed declares nothing, and no other spec opens her reviews: the gate comes first.
  await carmen.getByLabel('No conflict').check()
  await carmen.getByRole('button', { name: 'Declare' }).click()
  await expect(carmen.getByText('You can now read the application and score it.')).toBeVisible()
  const criteria = carmen.locator('fieldset.criterion')
  await expect(criteria.first()).toBeVisible()
  const count = await criteria.count()
  for (let i = 0; i < count; i++) await criteria.nth(i).getByRole('radio').nth(3).check()
  await carmen.getByRole('button', { name: 'Submit review' }).click()
  await expect(carmen.getByText('Your review is submitted. Thank you.')).toBeVisible()
  await context.close()

  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/ranking`)
  await page.getByRole('link', { name: 'Fairness: score gaps and reviewer leniency' }).click()
  await expect(page).toHaveURL(`${PROGRAM}/fairness`)
  await expect(page.getByRole('link', { name: 'Fairness', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(page.getByRole('heading', { name: 'Score gaps between groups' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Reviewer leniency' })).toBeVisible()
  // Each chart says what it shows in words, and opens its table.
  await expect(
    page.getByRole('img', { name: /^Score gap between groups, in points, with 95% intervals: / }),
  ).toBeVisible()
  for (const summary of await page.getByText('Table of these figures').all()) await summary.click()
  const gaps = page.getByRole('table', {
    name: 'Score gap between groups, in points, with 95% intervals',
  })
  await expect(gaps.getByRole('rowheader', { name: 'Community-led groups' })).toBeVisible()
  const leniency = page.getByRole('table', { name: 'Reviewer leniency, in SD from the panel' })
  await expect(leniency.getByRole('rowheader', { name: 'Carmen Ortiz' })).toBeVisible()
  await expectAccessible(page)
  // With its figures, in Spanish: none of our English left.
  await page.goto(`${PROGRAM}/fairness?lang=es`)
  await expect(
    page.getByRole('heading', { name: 'Brechas de puntuación entre grupos' }),
  ).toBeVisible()
  await expectNothingEnglish(page)
})
