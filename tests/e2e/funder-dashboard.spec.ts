import { readFileSync } from 'node:fs'
import { DEMO_PASSWORD, PHONE, expect, expectAccessible, logIn, test } from './fixtures.ts'

test('a program officer finds their programs and the applications from the dashboard', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto('/')
  const programs = page.getByRole('table', { name: /Open calls first/ })
  await expect(
    programs.getByRole('link', { name: 'Community Health Access 2027', exact: true }),
  ).toBeVisible()
  // A closed program says so and when, instead of a past date read as a deadline to come.
  const closed = programs.getByRole('row', { name: /Neighbourhood Health Grants 2026/ })
  await expect(closed.getByRole('cell', { name: /^Closed \w{3} \d{1,2}, \d{4}/ })).toBeVisible()
  const open = programs.getByRole('row', { name: /Community Health Access 2027/ })
  await expect(open.getByRole('cell', { name: /^\w{3} \d{1,2}, \d{4}/ })).toBeVisible()
  await expect(open.getByRole('cell', { name: /^Closed/ })).toHaveCount(0)
  await expectAccessible(page)
  await programs.getByRole('link', { name: /submitted to Community Health Access 2027/ }).click()
  await expect(page.getByRole('heading', { name: 'Applications', exact: true })).toBeVisible()

  // The list as a spreadsheet, under the same filters.
  await page.getByLabel('Addresses').selectOption('economic_stability')
  await page.getByRole('button', { name: 'Filter' }).click()
  const spreadsheet = page.getByRole('link', { name: /as a spreadsheet \(CSV\)/ })
  await expect(spreadsheet).toHaveAttribute('href', /\.csv\?sdoh=economic_stability$/)
  const [download] = await Promise.all([page.waitForEvent('download'), spreadsheet.click()])
  expect(download.suggestedFilename()).toMatch(
    /^community-health-access-2027-applications-.*\.csv$/,
  )
  const csv = readFileSync(await download.path(), 'utf8')
  expect(csv.split('\r\n')[0]).toContain('Application ID,Title,Organisation,Status')
  expect(csv).toContain('Two new community gardens and a mobile market')
  expect(csv).not.toContain('Promotoras de salud')

  await page.goto('/orgs/riverbend-community-foundation')
  const overview = page.getByRole('table', { name: /Programs of Riverbend/ })
  await overview.getByRole('link', { name: 'Community Health Access 2027', exact: true }).click()
  await expect(
    page.getByRole('heading', { name: 'Community Health Access 2027', exact: true }),
  ).toBeVisible()
})

test('a group sees where each of its applications stands, with the history behind it', async ({
  page,
}) => {
  await logIn(page, 'maria@example.org', DEMO_PASSWORD)
  await page.goto('/')
  const mine = page.getByRole('table', { name: 'Most recently changed first' })
  await expect(
    mine.getByRole('row', { name: /Walking groups and free blood-pressure checks.*In review/ }),
  ).toBeVisible()
  await mine.getByRole('link', { name: 'Walking groups and free blood-pressure checks' }).click()
  await expect(page.getByRole('heading', { name: 'Status: In review' })).toBeVisible()
  const history = page.getByRole('list').filter({ hasText: 'Submitted by' })
  await expect(history.getByRole('listitem')).toHaveCount(3)
  await expect(history.getByRole('listitem').last()).toContainText('In review by Olivia Reyes')
  await expectAccessible(page)
})

test('a wide table says in words that it scrolls sideways, only while it does', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto('/')
  const table = page.getByRole('region', { name: /Open calls first/ })
  const frame = page.locator('.table-frame', { has: table })
  const cue = frame.getByText('Scroll sideways to see more columns.', { exact: true })
  const overflows = () => table.evaluate((el) => el.scrollWidth > el.clientWidth)
  // At a desktop's width the table fits: no cue.
  expect(await overflows()).toBe(false)
  await expect(cue).toBeHidden()
  // On a phone it does not, and the cue shows above it, once.
  await page.setViewportSize(PHONE)
  await expect.poll(overflows).toBe(true)
  await expect(cue).toBeVisible()
  await expect(
    page.getByText('Scroll sideways to see more columns.').filter({ visible: true }),
  ).toHaveCount(
    await page
      .locator('.table-scroll')
      .evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth).length),
  )
  // Read once, where it stands: not also the region's description.
  await expect(table).not.toHaveAttribute('aria-describedby', /.+/)
})
