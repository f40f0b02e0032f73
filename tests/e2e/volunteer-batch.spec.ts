import { DEMO_PASSWORD, expect, expectAccessible, logIn } from './fixtures.ts'
import { test } from './signed-in.ts'

/*
 * The platform batch in the running app (issue 11): the admin starts "Suggest matches for the
 * platform", sees it finish with its summary, and opens the coverage page's charts and tables;
 * the demo volunteer then finds the request the batch picked for them at the top of their list.
 */

test('the admin runs the platform batch and reads the coverage', async ({ page }) => {
  await logIn(page, 'admin@example.org', DEMO_PASSWORD)
  await page.goto('/admin/matching')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Suggest matches for the platform' }).click()
  await expect(
    page.getByText(/The platform batch is queued|already queued or running/),
  ).toBeVisible()
  // The page reloads its data while the run is live; the summary shows once it finished.
  await expect(page.getByText('Last batch finished')).toBeVisible({ timeout: 30_000 })
  await page.getByRole('link', { name: 'See matching coverage by group size and place' }).click()
  await expect(page.getByRole('heading', { name: 'Matching coverage' })).toBeVisible()
  await expect(
    page.getByRole('img', {
      name: /Share of open requests with a suggested volunteer, by group size/,
    }),
  ).toBeVisible()
  await page.getByText('Table of these figures').first().click()
  await expect(page.getByRole('columnheader', { name: 'Open requests' }).first()).toBeVisible()
  await expectAccessible(page)
})

test('the demo volunteer’s requests page names the request the batch picked for him', async ({
  page,
}) => {
  await logIn(page, 'volunteer@example.org', DEMO_PASSWORD)
  await page.goto('/volunteer/requests')
  await expect(page.getByRole('heading', { level: 1, name: 'Requests for you' })).toBeVisible()
  // The demo starts with a batch run (and the admin's above made another): one request is his.
  const suggested = page.locator('section.card', {
    has: page.getByRole('heading', { name: 'Suggested for you' }),
  })
  await expect(suggested.getByRole('link')).toHaveCount(1)
  await expectAccessible(page)
})

test('the coverage page is refused to everyone else', async ({ signedInPage: page }) => {
  const response = await page.goto('/admin/matching/coverage')
  expect(response?.status()).toBe(403)
})
