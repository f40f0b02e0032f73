import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

// Issue 9's "Done means", read in the browser from the state the demo seed leaves the program
// in review in (app/seed/demo-review-round.ts), where no other spec shows it: nothing here changes
// anything. Other specs add reviews and decisions meanwhile, so figures are read by their shape,
// not their value.
const PROGRAM = '/orgs/riverbend-community-foundation/programs/neighbourhood-health-grants-2026'

test('the seeded panel: a staff and a community reviewer, and the conflict a reviewer declared', async ({
  page,
  browser,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/panel`)
  const panel = page.getByRole('table', { name: 'Review panel' })
  await expect(panel.getByRole('row', { name: /Ruth Bello.*Staff reviewer/ })).toBeVisible()
  await expect(panel.getByRole('row', { name: /Carmen Ortiz.*Community reviewer/ })).toBeVisible()

  // The officer's progress counts Kofi's conflict; the ranking flags the application.
  await page.goto(`${PROGRAM}/review`)
  const kofi = page.getByRole('table', { name: 'Reviewers' }).getByRole('row', { name: /Kofi/ })
  // Columns: assigned, no conflict declared, in progress, submitted, conflict.
  await expect(kofi.getByRole('cell').nth(4)).toHaveText('1')
  await page.goto(`${PROGRAM}/ranking`)
  await expect(
    page
      .getByRole('table', { name: 'Applications ranked by weighted mean' })
      .getByRole('row', { name: /Peer recovery coaches/ }),
  ).toContainText('Conflict declared')

  // The reviewer's own queue keeps the declaration, and the review stays closed to him.
  const reviewer = await (await browser.newContext()).newPage()
  await logIn(reviewer, 'kofi@example.org', DEMO_PASSWORD)
  await reviewer.goto('/reviews')
  const queue = reviewer.getByRole('table', { name: 'Reviews assigned to you' })
  const declared = queue.getByRole('row', { name: /Conflict declared/ })
  await expect(declared).toHaveCount(1)
  await declared.getByRole('link').click()
  await expect(
    reviewer.getByText('You declared a conflict on this review; it goes to someone else.'),
  ).toBeVisible()
  await expect(reviewer.getByText(/Peer recovery coaches|Scioto/)).toHaveCount(0)
  await expectAccessible(reviewer)
})

test("the officer reads the normalised ranking and the panel's agreement (Krippendorff's alpha)", async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/ranking?sort=normalised`)
  const ranking = page.getByRole('table', { name: 'Applications ranked by normalised score' })
  await expect(ranking.getByRole('columnheader', { name: 'Normalised (0–100)' })).toBeVisible()
  // Every seeded reviewer has three reviews or more: each reviewed application is normalised,
  // none left raw (cells: place, application, organisation, mean, normalised…). The order is
  // not asserted: review.spec.ts and fairness.spec.ts add reviews meanwhile.
  for (const title of [/Peer recovery coaches/, /Warm rooms and cool rooms/, /Earn-a-bike/]) {
    const row = ranking.getByRole('row', { name: title })
    await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d{1,3}(\.\d)?$/)
  }
  await expect(ranking.getByText('(partly raw)')).toHaveCount(0)

  // Agreement: overall, then per criterion, each in figures and words.
  await expect(page.getByRole('heading', { name: 'Panel agreement' })).toBeVisible()
  await expect(
    page.getByText(
      /^Overall agreement \(Krippendorff's alpha on the 0–100 scores\): -?\d(\.\d+)?, (consistent|mixed|inconsistent)\.$/,
    ),
  ).toBeVisible()
  await page.getByText('Table of these figures').click()
  const agreement = page.getByRole('table', { name: /Agreement per criterion/ })
  for (const criterion of [
    'Community leadership',
    'Reach into communities facing the greatest barriers',
    'Work on root causes',
    'Community voice and accountability',
    'Feasibility of the plan',
    'Overall score',
  ]) {
    await expect(
      agreement.getByRole('row', { name: new RegExp(`^${criterion} -?\\d`) }),
    ).toBeVisible()
  }
  await expectAccessible(page)
})

test('the officer reads the guardrail-adjusted proposal: each swap the guardrails caused and its cost', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/decide?basis=normalised`)
  const explanation = page.getByTestId('explanation')
  await expect(explanation.getByText(/^Going down the ranking funds \d+ application/)).toBeVisible()
  await expect(explanation.getByText(/^The proposal funds \d+ application/)).toBeVisible()
  // The seeded guardrails, each with what the ranking and the proposal reach.
  for (const rule of [
    /^At least 50% of the dollars to applications serving the most vulnerable places/,
    /^At least 30% of the dollars to organisations with annual budgets under \$250k\./,
    /^At least 50% of the dollars to groups led by people with lived experience\./,
  ]) {
    await expect(explanation.getByText(rule)).toContainText(/Going down the ranking gives/)
  }
  // The swaps in words a board can read, with what they cost in score.
  await expect(
    explanation
      .getByText(
        /^To meet the guardrails, .* \(score [\d.]+, \$[\d,.]+\) .*This (costs|adds) [\d.]+ points of total score\./,
      )
      .first(),
  ).toBeVisible()
  await expect(
    explanation.getByText(
      /^In all, the guardrails cost [\d.]+ points of total score against the best set within the budget alone\.$/,
    ),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Proposed funded set' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Going down the ranking' })).toBeVisible()
  await expectAccessible(page)
})

test('the awarded group reads its outcome from its notification', async ({ page }) => {
  // decisions.spec.ts reads the decline's and Scioto's notices; this is Westgate's.
  await logIn(page, 'tomas@example.org', DEMO_PASSWORD)
  await page.goto('/notifications')
  await page
    .getByRole('link', {
      name: 'Your application to Neighbourhood Health Grants 2026 was awarded a grant.',
    })
    .click()
  await expect(page.getByRole('heading', { name: 'Your application is awarded' })).toBeVisible()
  await expect(page.getByText('The funder awarded your group $10,000.00.')).toBeVisible()
  await expectAccessible(page)
})
