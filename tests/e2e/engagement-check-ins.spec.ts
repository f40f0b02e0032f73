import { DEMO_PASSWORD, expect, logIn, test } from './fixtures.ts'
import { expectNothingEnglish } from './english-left.ts'

/** 'YYYY-MM-DD' `days` from today (UTC), as the date inputs take it. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The seeded engagement's check-ins: the group sees the recorded one and those to come, agrees new
 * dates (a refused plan keeps what was typed, its error beside the field) and records one.
 */
test('the group sees, plans and records check-ins on the demo engagement', async ({ page }) => {
  await logIn(page, 'tomas@example.org', DEMO_PASSWORD)
  await page.goto('/engagements')
  await page.getByRole('link', { name: 'Bookkeeping for the warm rooms grant' }).click()
  const checkIns = page.getByTestId('check-ins')
  // The dates are the request's days, in its zone (the demo request keeps New York's).
  await expect(page.getByTestId('check-in-zone')).toHaveText(
    'Dates are days in Eastern time (New York).',
  )
  await expect(checkIns.getByText('Upcoming').first()).toBeVisible()
  await expect(checkIns.getByText('Recorded').first()).toBeVisible()

  await page.getByLabel('Every').selectOption({ label: 'Two weeks' })
  await page.getByLabel('How many', { exact: false }).fill('9')
  await page.getByRole('button', { name: 'Save check-in dates' }).click()
  await expect(page.getByText('Enter a number from 1 to 6.')).toBeVisible()
  await expect(page.getByText('Enter a date.').first()).toBeVisible()
  await page.getByLabel('First check-in').fill(dayFromToday(3))
  await page.getByLabel('How many', { exact: false }).fill('2')
  await page.getByRole('button', { name: 'Save check-in dates' }).click()
  await expect(page.getByText('Check-in dates saved.')).toBeVisible()

  await page.getByLabel('Date', { exact: true }).fill(dayFromToday(0))
  await page.getByLabel('How the work stands').selectOption({ label: 'At risk' })
  await page.getByRole('textbox', { name: /^Note/ }).fill('Receipts pending; treasurer away.')
  await page.getByRole('button', { name: 'Record check-in' }).click()
  await expect(page.getByText('Check-in recorded.')).toBeVisible()
  await expect(checkIns.getByText('At risk').first()).toBeVisible()
  await expect(checkIns.getByText('Receipts pending; treasurer away.').first()).toBeVisible()
})

/** The admin adds an hourly value: a bad amount is refused beside its field, then it is listed. */
test('the admin adds an in-kind rate', async ({ page }) => {
  await logIn(page, 'admin@example.org', DEMO_PASSWORD)
  await page.goto('/admin')
  await page.getByRole('link', { name: 'In-kind rates' }).click()
  await expect(page.getByRole('heading', { name: 'In-kind rates' }).first()).toBeVisible()
  await page.getByRole('combobox', { name: /^Skill/ }).selectOption({ label: 'Facilitation' })
  await page.getByLabel('Value of one hour', { exact: false }).fill('0')
  await page.getByLabel('Year the value is for', { exact: false }).fill('2026')
  await page.getByRole('textbox', { name: /^Source/ }).fill('E2E facilitation rate, 2026')
  await page.getByRole('button', { name: 'Add the hourly value' }).click()
  await expect(page.getByText('Enter an amount per hour above zero, such as 31.80.')).toBeVisible()
  await expect(page.getByRole('textbox', { name: /^Source/ })).toHaveValue(
    'E2E facilitation rate, 2026',
  )
  await page.getByLabel('Value of one hour', { exact: false }).fill('85')
  await page.getByRole('button', { name: 'Add the hourly value' }).click()
  await expect(page.getByText('The hourly value is added')).toBeVisible()
  await expect(
    page.getByRole('cell', { name: 'E2E facilitation rate, 2026' }).first(),
  ).toBeVisible()
})

/** A Spanish reader meets none of our English on the engagement page or the rates page. */
test('the check-ins and the in-kind rates read in Spanish only', async ({ page, browser }) => {
  await logIn(page, 'tomas@example.org', DEMO_PASSWORD)
  await page.goto('/engagements')
  await page.getByRole('link', { name: 'Bookkeeping for the warm rooms grant' }).click()
  await page.waitForURL(/\/engagements\/[0-9a-f-]{36}$/)
  await page.goto(`${new URL(page.url()).pathname}?lang=es`)
  await expect(page.getByTestId('check-ins')).toBeVisible()
  await expect(page.getByTestId('check-in-zone')).toHaveText(
    'Las fechas son días en la zona horaria del grupo: Hora del Este (Nueva York).',
  )
  await expectNothingEnglish(page)
  // A refused plan, its errors beside the fields, in Spanish too.
  await page.getByLabel('Cada').selectOption({ label: 'Semana' })
  await page.getByRole('button', { name: 'Guardar fechas de seguimiento' }).click()
  await expect(page.getByText('Escriba una fecha.').first()).toBeVisible()
  await expectNothingEnglish(page)

  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await logIn(admin, 'admin@example.org', DEMO_PASSWORD)
  await admin.goto('/admin/in-kind-rates?lang=es')
  await admin.getByRole('button', { name: 'Añadir el valor por hora' }).click()
  await expect(admin.getByText('Indique de dónde sale la cifra.')).toBeVisible()
  await expectNothingEnglish(admin)
  await adminContext.close()
})
