import { DEMO_PASSWORD, expect, expectAccessible, logIn, test } from './fixtures.ts'

test('a program officer finds their programs and the applications from the dashboard', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto('/')
  const programs = page.getByRole('table', { name: /Open calls first/ })
  await expect(
    programs.getByRole('link', { name: 'Community Health Access 2027', exact: true }),
  ).toBeVisible()
  await expectAccessible(page)
  await programs.getByRole('link', { name: /submitted to Community Health Access 2027/ }).click()
  await expect(page.getByRole('heading', { name: 'Applications', exact: true })).toBeVisible()

  await page.goto('/orgs/riverbend-community-foundation')
  const overview = page.getByRole('table', { name: /Programs of Riverbend/ })
  await overview.getByRole('link', { name: 'Community Health Access 2027', exact: true }).click()
  await expect(
    page.getByRole('heading', { name: 'Community Health Access 2027', exact: true }),
  ).toBeVisible()
})
