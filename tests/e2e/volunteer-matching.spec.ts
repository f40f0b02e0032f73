import { randomBytes } from 'node:crypto'
import { DEMO_PASSWORD, expect, logIn, test } from './fixtures.ts'

/*
 * Matching in the running app (issue 11): the demo group sees the volunteers suggested for its
 * open request, with the score and the reasons in words; the demo volunteer finds the requests for
 * them, filters them, and opens one whose details wait for the data-protection agreement. axe
 * checks every page (everyPageAccessible). Repeatable on one server (`--repeat-each`).
 */

test('the demo group sees suggested volunteers with their reasons', async ({ page }) => {
  await logIn(page, 'maria@example.org', DEMO_PASSWORD)
  await page.goto('/orgs/eastside-health-collective/volunteer-requests')
  await page.getByRole('link', { name: 'Data dashboard', exact: true }).click()
  const suggested = page.locator('section.card', {
    has: page.getByRole('heading', { name: 'Suggested volunteers' }),
  })
  await expect(suggested).toBeVisible()
  const sam = suggested.getByRole('listitem').filter({ hasText: 'Sam Lee' })
  await expect(sam.getByText(/^Score: [\d.]+ of 100$/)).toBeVisible()
  await sam.getByText('Why this match').click()
  await expect(sam.getByText(/Data analysis/).first()).toBeVisible()
  await sam.getByRole('link', { name: 'Sam Lee' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Lee' })).toBeVisible()
})

test('the demo volunteer finds requests for them and accepts a data-protection agreement', async ({
  page,
  browser,
}) => {
  // Repeatable on one server: the group first posts a request of its own that touches personal
  // data (a volunteer accepts a request's agreement once).
  const title = `Data dashboard ${randomBytes(3).toString('hex')}`
  const groupContext = await browser.newContext()
  const group = await groupContext.newPage()
  await logIn(group, 'maria@example.org', DEMO_PASSWORD)
  await group.goto('/orgs/eastside-health-collective/volunteer-requests')
  await group.getByRole('link', { name: 'Post a request' }).first().click()
  await group.getByRole('link', { name: 'Start from “Data dashboard”' }).click()
  await expect(group.getByRole('heading', { name: 'Scope your request' })).toBeVisible()
  await group.getByLabel('Title').fill(title)
  await group.getByLabel(/The work touches personal or health data/).check()
  await group.getByRole('button', { name: 'Open to volunteers' }).click()
  await expect(group.getByText('The request is open to volunteers.')).toBeVisible()
  await groupContext.close()

  await logIn(page, 'volunteer@example.org', DEMO_PASSWORD)
  await page.getByRole('link', { name: 'See requests for you' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Requests for you' })).toBeVisible()
  // In the ranked list: once a platform batch ran (volunteer-batch.spec), "Suggested for you" may
  // name the same request above it.
  const ranked = page.locator('ol.stack')
  await expect(ranked.getByRole('link', { name: 'Data dashboard', exact: true })).toBeVisible()

  // The filters are a GET form: they land in the address and keep what was chosen.
  await page.getByLabel('Search titles and goals').fill('no such request anywhere')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/q=no\+such\+request\+anywhere/)
  await expect(page.getByText('No request fits you right now')).toBeVisible()
  await page.getByLabel('Search titles and goals').fill(title)
  await page.getByLabel('Skill').selectOption({ label: 'Data analysis' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByLabel('Skill')).toHaveValue('data_analysis')
  await ranked.getByRole('link', { name: title }).click()

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Data-protection agreement' })).toBeVisible()
  await expect(page.getByText('Goal', { exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Accept and see the details' }).click()
  await expect(page.getByText('Tick the box to accept the agreement.')).toBeVisible()
  await page.getByLabel(/I accept the data-protection agreement/).check()
  await page.getByRole('button', { name: 'Accept and see the details' }).click()
  await expect(page.getByText('You accepted the data-protection agreement')).toBeVisible()
  await expect(page.getByText('Goal', { exact: true })).toBeVisible()
})
