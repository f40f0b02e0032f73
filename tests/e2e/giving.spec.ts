import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures.ts'

/** The demo fund (app/seed/seed-program.server.ts), public, with a $25,000 goal. */
const FUND = '/funds/riverbend-health-equity-fund'
/** One of its programs (app/seed/seed-program.server.ts). */
const DEMO_PROGRAM = 'community-health-access-2027'

/** What the fund page's goal bar says has been raised, in cents. */
async function raisedCents(page: Page): Promise<number> {
  await page.goto(FUND)
  const text = await page.getByText(/raised of a \$25,000\.00 goal/).textContent()
  const raised = /^\$([\d,]+\.\d\d) raised/.exec(text ?? '')
  if (!raised) throw new Error(`no raised amount in "${text}"`)
  return Math.round(Number(raised[1]!.replace(/,/g, '')) * 100)
}

test('a guest gives $50 monthly with the fee covered; processing, then received', async ({
  page,
}) => {
  const before = await raisedCents(page)
  await expect(page.getByRole('progressbar')).toBeVisible()
  await expectAccessible(page)

  // From the header's Give to the fund's donate page.
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Give' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Give to a fund' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Give to Riverbend Health Equity Fund' }).click()
  await expect(page).toHaveURL(new RegExp(`${FUND}/give$`))

  await page.getByRole('radio', { name: '$50.00' }).check()
  await page.getByRole('radio', { name: 'Every month' }).check()
  await page.getByLabel('Cover the processing fee').check()
  // The exact gross-up, before paying: 2.9% + 30¢ of $51.80 is $1.80.
  await expect(
    page.getByText('Adds $1.80 a month: you pay $51.80 each month and the fund receives $50.00.'),
  ).toBeVisible()
  await page.getByRole('textbox', { name: 'Your name' }).fill('Guest Donor')
  await page.getByLabel('Your email').fill('guest.donor@example.test')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Continue to payment' }).click()

  // The sandbox's hosted checkout, then a bank debit that clears a few seconds later.
  await expect(page.getByRole('heading', { level: 1, name: 'Pay $51.80' })).toBeVisible()
  await expect(page.getByText('Every month, until cancelled.')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Pay by bank debit (clears in a few seconds)' }).click()

  await expect(page.getByRole('heading', { name: 'Your gift is processing' })).toBeVisible()
  await expectAccessible(page)
  // The page looks again by itself until the webhook settles the gift.
  await expect(page.getByRole('heading', { name: 'Gift received' })).toBeVisible({
    timeout: 20_000,
  })
  await expect(
    page.getByText('Thank you! We received your gift of $51.80 to Riverbend Health Equity Fund.'),
  ).toBeVisible()
  await expect(page.getByText('It repeats every month until you cancel it.')).toBeVisible()
  await expectAccessible(page)

  // The goal bar counts the settled $50 (the fee covered went to the processor).
  expect((await raisedCents(page)) - before).toBeGreaterThanOrEqual(5000)
})

test('a one-time gift from a program page, designated to its program', async ({ page }) => {
  await page.goto(`/programs/${DEMO_PROGRAM}`)
  await page.getByRole('link', { name: 'Give to this program' }).click()
  await expect(page.getByLabel('Designate to a program (optional)')).not.toHaveValue('')

  await page.getByRole('radio', { name: 'Another amount' }).first().check()
  await page.getByRole('textbox', { name: 'Another amount' }).fill('75.50')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Once Giver')
  await page.getByLabel('Your email').fill('once.giver@example.test')
  await page.getByLabel('Give anonymously').check()
  await page.getByLabel('Kind of tribute').selectOption('memory')
  await page.getByLabel('Their name').fill('Rosa Díaz')
  await page.getByRole('button', { name: 'Continue to payment' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Pay $75.50' })).toBeVisible()
  await expect(page.getByText('One time.')).toBeVisible()
  await page.getByRole('button', { name: 'Pay by card (succeeds now)' }).click()
  await expect(page.getByRole('heading', { name: 'Gift received' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(page.getByText(/received your gift of \$75\.50/)).toBeVisible()
  await expectAccessible(page)
})

test('a validation error keeps what was typed; leaving the checkout is a cancel page', async ({
  page,
}) => {
  await page.goto(`${FUND}/give`)
  await page.getByRole('radio', { name: 'Another amount' }).first().check()
  await page.getByRole('textbox', { name: 'Another amount' }).fill('2')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Typed Name')
  await page.getByLabel('Your email').fill('not an email')
  await page.getByLabel('Kind of tribute').selectOption('honour')
  await page.getByRole('button', { name: 'Continue to payment' }).click()

  await expect(page.getByText('Gifts are at least 5.00')).toBeVisible()
  await expect(page.getByText('Enter an email address like name@example.org')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Another amount' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expect(page.getByRole('textbox', { name: 'Another amount' })).toHaveValue('2')
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Typed Name')
  await expect(page.getByLabel('Kind of tribute')).toHaveValue('honour')
  await expectAccessible(page)

  // The same checks on the server, for a post the browser did not check.
  const response = await page.request.post(`${FUND}/give`, {
    form: { preset: 'custom', customAmount: '99999999', interval: 'one_time' },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(400)

  // Once each field is right, a tribute still needs the name of the person it is for.
  await page.getByRole('textbox', { name: 'Another amount' }).fill('10')
  await page.getByLabel('Your email').fill('typed@example.test')
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByText('Enter the name of the person you honour or remember')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Another amount' })).toHaveValue('10')
  await page.getByLabel('Kind of tribute').selectOption('')
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await page.getByRole('button', { name: 'Cancel and go back' }).click()
  await expect(page.getByRole('heading', { name: 'Gift cancelled' })).toBeVisible()
  await expectAccessible(page)
})

test('a fund that is not public answers 404', async ({ page }) => {
  const response = await page.goto('/funds/no-such-fund/give')
  expect(response?.status()).toBe(404)
  await expectAccessible(page)
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-US' })

  test('the fund page, the donate form and its errors', async ({ page }) => {
    await page.goto(FUND)
    await expect(page.getByText(/recaudados de una meta de/)).toBeVisible()
    await page.getByRole('link', { name: 'Donar a Riverbend Health Equity Fund' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Donar a Riverbend Health Equity Fund' }),
    ).toBeVisible()
    await page.getByRole('radio', { name: 'Otro monto' }).check()
    await page.getByRole('button', { name: 'Continuar al pago' }).click()
    await expect(page.getByText('Escriba su nombre')).toBeVisible()
    // Once each field is right, "another amount" still needs its amount.
    await page.getByRole('textbox', { name: 'Su nombre' }).fill('Ana Ruiz')
    await page.getByLabel('Su correo electrónico').fill('ana.ruiz@example.test')
    await page.getByRole('button', { name: 'Continuar al pago' }).click()
    await expect(page.getByText('Escriba el monto que quiere donar')).toBeVisible()
    await expectAccessible(page)
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server keeps what was typed beside its errors, and the gift still goes through', async ({
    page,
  }) => {
    await page.goto(`${FUND}/give`)
    await page.getByRole('radio', { name: 'Another amount' }).check()
    await page.getByRole('textbox', { name: 'Another amount' }).fill('2')
    await page.getByRole('textbox', { name: 'Your name' }).fill('No Script')
    await page.getByLabel('Your email').fill('no script')
    await page.getByRole('button', { name: 'Continue to payment' }).click()
    await expect(page.getByText('Gifts are at least 5.00')).toBeVisible()
    await expect(page.getByText('Enter an email address like name@example.org')).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Another amount' })).toHaveValue('2')
    await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('No Script')
    await expect(page.getByRole('radio', { name: 'Another amount' })).toBeChecked()

    await page.getByRole('textbox', { name: 'Another amount' }).fill('20')
    await page.getByLabel('Your email').fill('no.script@example.test')
    await page.getByRole('button', { name: 'Continue to payment' }).click()
    await page.getByRole('button', { name: 'Pay by card (succeeds now)' }).click()
    await expect(page.getByRole('heading', { name: 'Gift received' })).toBeVisible()
  })
})
