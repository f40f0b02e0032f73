import { expect, expectAccessible, test } from './fixtures.ts'

test('the public program list has its filters, an empty state, and passes axe', async ({
  page,
}) => {
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Programs' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Open funding programs' })).toBeVisible()
  const filters = page.getByRole('search', { name: 'Filter programs' })
  for (const label of [
    'Search',
    'Where you work',
    'Focus',
    'Award at least ($)',
    'Award up to ($)',
    'Closing by',
  ]) {
    await expect(filters.getByLabel(label)).toBeVisible()
  }
  await expectAccessible(page)

  // Demo data may or may not hold an open program; a search nothing matches is always empty.
  await filters.getByLabel('Search').fill('no program is called this')
  await filters.getByLabel('Where you work').selectOption('Illinois')
  await filters.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/q=no\+program\+is\+called\+this/)
  await expect(page.getByText('No open programs match these filters')).toBeVisible()
  await expect(filters.getByLabel('Where you work')).toHaveValue('Illinois')
  await expectAccessible(page)

  // A bad amount is explained next to its field, and the rest of the search still runs.
  await page.goto('/programs?minAward=lots')
  await expect(page.getByText('Enter the smallest award as an amount like 5000')).toBeVisible()
  await expect(page.getByLabel('Award at least ($)')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
})

test('an unknown program answers 404', async ({ page }) => {
  const response = await page.goto('/programs/no-such-program-here')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expectAccessible(page)
})

test.describe('a program page', () => {
  // Far from every US zone, so the visitor's own time is always added beside the program's.
  test.use({ timezoneId: 'Asia/Tokyo' })

  test('shows the rubric, the deadline in both zones and the way to apply', async ({ page }) => {
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    // The demo data includes an open program.
    await page.goto('/programs')
    const first = page
      .getByRole('list')
      .getByRole('heading', { level: 3 })
      .getByRole('link')
      .first()
    const title = await first.innerText()
    await first.click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(
      page.getByRole('heading', { level: 2, name: 'Applications are open' }),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: `Apply to ${title}` })).toHaveAttribute(
      'href',
      /^\/programs\/[^/]+\/apply$/,
    )
    await expect(page.getByRole('table', { name: 'Criteria and weights' })).toBeVisible()
    await expect(page.getByRole('table', { name: /^Score levels for / }).first()).toBeVisible()
    await expect(page.getByText(/GMT\+9 where you are/).first()).toBeVisible()
    await expectAccessible(page)
    // The local time is added after hydration without React reporting a mismatch.
    expect(errors).toEqual([])
  })
})
