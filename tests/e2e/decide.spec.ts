import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

const PROGRAM = '/orgs/riverbend-community-foundation/programs/neighbourhood-health-grants-2026'

test('the officer opens the decision page, sets a guardrail and reads the proposal and its explanation', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(`${PROGRAM}/ranking`)
  await page.getByRole('link', { name: 'Decide within the budget and the guardrails' }).click()
  await expect(page).toHaveURL(`${PROGRAM}/decide?basis=raw`)
  await expect(page.getByRole('heading', { name: 'Decision support' })).toBeVisible()
  await expect(page.getByText('Left to award')).toBeVisible()
  await expectAccessible(page)

  // A share outside 0–100 is refused next to its field, what was typed kept.
  // The chart's description names the guardrail too: the field is the textbox.
  const led = page.getByRole('textbox', { name: /^Led by people with lived experience/ })
  await led.fill('150')
  await page.getByRole('button', { name: 'Save guardrails' }).click()
  await expect(
    page.getByText('Enter a percentage from 0 to 100, with at most two decimals.'),
  ).toBeVisible()
  await led.fill('50')
  await page.getByRole('button', { name: 'Save guardrails' }).click()
  await expect(page.getByText('Guardrails saved.')).toBeVisible()
  await expect(led).toHaveValue('50')

  // The explanation reads the ranking, the proposal and the guardrail in words.
  const explanation = page.getByTestId('explanation')
  await expect(explanation.getByText(/^Going down the ranking funds/)).toBeVisible()
  await expect(
    explanation.getByText(
      /At least 50% of the dollars to groups led by people with lived experience\./,
    ),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Guardrails: shares reached' })).toBeVisible()
  await expectAccessible(page)

  // The program's tabs lead here too, and the basis is a plain GET form.
  await page.getByRole('link', { name: 'Decide', exact: true }).click()
  await page.getByLabel('Score to maximise').selectOption('normalised')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(`${PROGRAM}/decide?basis=normalised`)
})
