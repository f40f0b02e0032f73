import { expect, expectAccessible, test } from './fixtures.ts'

/** The demo fund (app/seed/seed-program.server.ts), with the seeded round's two active grants. */
const FUND = '/funds/riverbend-health-equity-fund'

test("a guest gives to one grant from the fund's page", async ({ page }) => {
  await page.goto(FUND)
  const grants = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Grants you can support' }) })
  await expect(grants.getByText('Westgate Tenants Union', { exact: true })).toBeVisible()
  await expect(grants.getByText('Scioto Valley Recovery Alliance', { exact: true })).toBeVisible()
  await expectAccessible(page)
  await grants.getByRole('link', { name: "Give to Westgate Tenants Union's grant" }).click()

  await expect(
    page.getByText(/Your gift goes to Westgate Tenants Union's grant from Neighbourhood Health/),
  ).toBeVisible()
  // The grant is the designation: no program to choose as well.
  await expect(page.getByLabel(/Designate to a program/)).toHaveCount(0)
  await expectAccessible(page)
  await page.getByRole('radio', { name: 'Another amount' }).first().check()
  await page.getByRole('textbox', { name: 'Another amount' }).fill('30')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Grant Giver')
  await page.getByLabel('Your email').fill('grant.giver@example.test')
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pay $30.00' })).toBeVisible()
  await page.getByRole('button', { name: 'Pay by card (succeeds now)' }).click()
  await expect(page.getByRole('heading', { name: 'Gift received' })).toBeVisible({
    timeout: 15_000,
  })

  // A link to a grant that is not the fund's is the fund's plain form.
  await page.goto(`${FUND}/give?grant=00000000-0000-4000-8000-000000000000`)
  await expect(page.getByText(/Your gift goes to/)).toHaveCount(0)
  await expect(page.getByLabel(/Designate to a program/)).toBeVisible()
})
