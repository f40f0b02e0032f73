import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

test('what is typed before the page has finished loading is kept too', async ({ page }) => {
  await logIn(page, 'maria@example.org', DEMO_PASSWORD)
  // Hold the page's scripts back, as a slow connection would, while the user starts typing.
  let release = () => {}
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await scriptsMayLoad
    await route.continue()
  })
  await page.goto('/orgs/eastside-health-collective/settings', { waitUntil: 'domcontentloaded' })
  const mission = page.getByLabel('Mission')
  await mission.fill('Typed while the page was still loading')
  release()
  await page.waitForFunction(() =>
    JSON.stringify({ ...localStorage }).includes('Typed while the page was still loading'),
  )

  await page.unroute(/\/assets\/.*\.js$/)
  await page.reload()
  await expect(page.getByText(/This browser kept changes/)).toBeVisible()
  await page.getByRole('button', { name: 'Restore my changes' }).click()
  await expect(mission).toHaveValue('Typed while the page was still loading')
  // Nothing was saved: the demo profile stays as it was for the other tests.
  await page.reload()
  await page.getByRole('button', { name: 'Discard them' }).click()
  await expect(page.getByText(/This browser kept changes/)).toHaveCount(0)
})

test('a rubric criterion being edited is kept by the browser too', async ({ page }) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(
    '/orgs/riverbend-community-foundation/programs/community-health-access-2027/rubric',
  )
  await page.getByRole('link', { name: 'Edit “Feasibility of the plan”' }).click()
  const guidance = page.getByLabel('Guidance for a score of 4 out of 4')
  await expect(async () => {
    await guidance.fill('Clear, costed, and owned by the people who will do it.')
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain('costed')
  }).toPass()
  await page.reload()
  await expect(page.getByText(/This browser kept changes/)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Restore my changes' }).click()
  await expect(guidance).toHaveValue('Clear, costed, and owned by the people who will do it.')
  // Left unsaved: the demo rubric stays as it was for the other tests.
  await page.reload()
  await page.getByRole('button', { name: 'Discard them' }).click()
  await page.reload()
  await expect(page.getByText(/This browser kept changes/)).toHaveCount(0)
})

test('counties picked on a program’s details are kept by the browser and come back', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  const details =
    '/orgs/riverbend-community-foundation/programs/community-health-access-2027/details'
  await page.goto(details)
  const counties = page.getByRole('combobox', { name: 'Eligible counties' })
  await counties.fill('Franklin')
  await page.getByRole('option', { name: /Franklin County, Ohio/ }).click()
  const remove = page.getByRole('button', { name: /Remove Franklin County, Ohio/ })
  await expect(remove).toBeVisible()
  // Picking is the only change: no key was pressed in a field after it.
  await page.waitForFunction(() =>
    JSON.stringify({ ...localStorage }).includes('Franklin County, Ohio'),
  )
  await page.reload()
  await expect(page.getByText(/This browser kept changes/)).toBeVisible()
  await expect(remove).toHaveCount(0)
  await page.getByRole('button', { name: 'Restore my changes' }).click()
  await expect(remove).toBeVisible()
  await expectAccessible(page)
  // Left unsaved: the demo program stays as it was for the other tests.
  await page.reload()
  await page.getByRole('button', { name: 'Discard them' }).click()
  await expect(page.getByText(/This browser kept changes/)).toHaveCount(0)
})

test('logging out mid-keystroke leaves nothing typed in the browser, however slow the logout', async ({
  page,
}) => {
  await logIn(page, 'maria@example.org', DEMO_PASSWORD)
  await page.goto('/orgs/eastside-health-collective/settings')
  // A busy machine answers the logout slowly; the backup of the last keystroke is still pending.
  await page.route(/\/logout/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await route.continue()
  })
  await page.getByLabel('Mission').fill('Typed on a shared computer')
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByText('You are logged out.')).toBeVisible()
  // The form is gone, so nothing can write any more: what is stored now is what stays.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(
    'Typed on a shared computer',
  )
})
