import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

const BOARD = '/orgs/riverbend-community-foundation/programs/neighbourhood-health-grants-2026'

test('the officer assigns, a reviewer declares and scores blind, the officer sees progress and the ranking', async ({
  page,
  browser,
}) => {
  // A long walk across three accounts and a dozen pages, each checked by axe at two widths: its
  // steps keep their own time limits; the whole needs more than the default 30 s on a busy machine.
  test.slow()
  // The officer runs "Assign reviewers" (the seed already assigned two reviewers to every
  // application; a rerun keeps them).
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${BOARD}/panel`)
  await expect(page.getByRole('cell', { name: /^Ruth Bello/ })).toBeVisible()
  await expect(page.getByRole('cell', { name: /^Carmen Ortiz/ })).toBeVisible()
  await expectAccessible(page)
  await page.goto(`${BOARD}/review`)
  await page.getByRole('button', { name: 'Assign reviewers' }).click()
  await expect(page.getByText('0 reviews assigned.')).toBeVisible()
  const reviewers = page.getByRole('table', { name: 'Reviewers' })
  await expect(reviewers.getByRole('row', { name: /Ruth Bello/ })).toBeVisible()

  // The staff reviewer, in another browser.
  const context = await browser.newContext()
  const reviewer = await context.newPage()
  await logIn(reviewer, 'reviewer@example.org', DEMO_PASSWORD)
  // A panel member finds their reviews from the header.
  await reviewer.getByRole('link', { name: 'My reviews', exact: true }).click()
  await expect(reviewer).toHaveURL(/\/reviews$/)
  await expectAccessible(reviewer)
  // Blind: the queue names no group (the ties form below lists every group to choose from).
  const queue = reviewer.getByRole('table', { name: 'Reviews assigned to you' })
  await expect(queue.getByText('Eastside Health Collective')).toHaveCount(0)
  await reviewer
    .getByRole('link', { name: /^Review [0-9a-f]{8}$/ })
    .first()
    .click()
  await expect(reviewer).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/)
  await expect(reviewer.getByRole('heading', { name: 'Conflict of interest' })).toBeVisible()
  await expect(reviewer.getByText(/Walking groups|Winter produce/)).toHaveCount(0)
  await reviewer.getByLabel('No conflict').check()
  await reviewer.getByRole('button', { name: 'Declare' }).click()
  await expect(reviewer.getByText('You can now read the application and score it.')).toBeVisible()
  await expect(reviewer.getByText(/Walking groups|Winter produce/).first()).toBeVisible()
  for (const name of ['Eastside Health Collective', 'Northfield Food Justice Network']) {
    await expect(reviewer.getByText(name)).toHaveCount(0)
    await expect(reviewer.getByText(/@example\.org/)).toHaveCount(0)
  }
  await expect(reviewer).toHaveTitle(/^Review [0-9a-f]{8} ·/)
  await expectAccessible(reviewer)

  // Submitting with a criterion unscored is refused next to it; then every criterion scored.
  const criteria = reviewer.locator('fieldset.criterion')
  const count = await criteria.count()
  expect(count).toBeGreaterThan(1)
  await criteria.nth(0).getByRole('radio').nth(2).check()
  await reviewer.getByRole('button', { name: 'Submit review' }).click()
  await expect(
    reviewer.getByText('Choose a level for this criterion before submitting.').first(),
  ).toBeVisible()
  for (let i = 1; i < count; i++) {
    // A number key picks the level of the criterion in focus.
    await criteria.nth(i).getByRole('radio').first().focus()
    await reviewer.keyboard.press('3')
    await expect(criteria.nth(i).getByRole('radio').nth(2)).toBeChecked()
  }
  await reviewer.getByLabel('Overall comment').fill('Clear plan, led by the people it serves.')
  await reviewer.getByRole('button', { name: 'Submit review' }).click()
  await expect(reviewer.getByText('Your review is submitted. Thank you.')).toBeVisible()
  await context.close()

  // The officer sees it in the progress, with a mean.
  await page.reload()
  const ruth = page
    .getByRole('table', { name: 'Reviewers' })
    .getByRole('row', { name: /Ruth Bello/ })
  // Columns: assigned, no conflict declared, in progress, submitted, conflict. The seed has
  // three of her reviews in already. Level 3 of 1–4 on every criterion scores (3 − 1) / (4 − 1)
  // = 66.7, shown as 67 on the application's row, the ranking's definition.
  await expect(ruth.getByRole('cell').nth(3)).toHaveText('4')
  await expect(
    page
      .getByRole('row', { name: /Walking groups and free blood-pressure checks/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('67')
  await expectAccessible(page)

  // The ranking: one review where the program asks for more is too few.
  await page.getByRole('link', { name: 'Ranking' }).click()
  await expect(page).toHaveURL(`${BOARD}/ranking`)
  const ranking = page.getByRole('table', { name: 'Applications ranked by weighted mean' })
  await expect(ranking.getByText('Too few reviews').first()).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Panel agreement' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Rank by').selectOption('normalised')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(`${BOARD}/ranking?sort=normalised`)
  await expect(
    page.getByRole('table', { name: 'Applications ranked by normalised score' }),
  ).toBeVisible()
})

test('a reviewer declares a conflict with its reason; the application stays hidden; the officer reads it on the board', async ({
  page,
  browser,
}) => {
  // The seed gave Priya a third review of the produce boxes for this test alone
  // (app/seed/demo-review-round.ts): Ruth's and Carmen's stay, so no gap opens for others.
  const context = await browser.newContext()
  const priya = await context.newPage()
  await logIn(priya, 'priya@example.org', DEMO_PASSWORD)
  await priya.goto('/reviews')
  const queue = priya.getByRole('table', { name: 'Reviews assigned to you' })
  await queue
    .getByRole('row', { name: /Assigned/ })
    .getByRole('link')
    .click()
  await expect(priya.getByRole('heading', { name: 'Conflict of interest' })).toBeVisible()
  await expect(priya.getByText(/Winter produce|Northfield/)).toHaveCount(0)
  // A conflict needs its reason.
  await priya.getByLabel('I have a conflict').check()
  await priya.getByRole('button', { name: 'Declare' }).click()
  await expect(priya.getByText('Say briefly what the conflict is.')).toBeVisible()
  await priya
    .getByLabel('Reason (when you have a conflict)')
    .fill('My sister volunteers with this group.')
  await priya.getByRole('button', { name: 'Declare' }).click()
  await expect(
    priya.getByText('Thank you. The conflict is recorded and this review goes to someone else.'),
  ).toBeVisible()
  // Back in her queue (whose ties form lists every group), nothing says which application it was.
  await expect(priya.getByText(/Winter produce/)).toHaveCount(0)
  await expectAccessible(priya)
  await context.close()

  // The officer reads the conflict and its reason beside the application.
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${BOARD}/review`)
  await expect(
    page
      .getByRole('row', { name: /Winter produce boxes/ })
      .getByText('Priya Natarajan: Conflict declared (My sister volunteers with this group.)'),
  ).toBeVisible()
})
