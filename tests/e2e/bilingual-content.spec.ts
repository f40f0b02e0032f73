import { DEMO_PASSWORD, expect, logIn, test } from './fixtures.ts'

// The demo seed writes the open program in English and Spanish, last season's in English only.
const SPANISH_DESCRIPTION =
  /Subvenciones de \$5,000 a \$25,000 para el trabajo dirigido por la comunidad/
const ENGLISH_ONLY_DESCRIPTION = /./

test.describe('a Spanish reader of funder-written content', () => {
  test.use({ locale: 'es-US' })

  test('sees a program’s Spanish description, and an English-only one with the note', async ({
    page,
  }) => {
    await page.goto('/programs/community-health-access-2027')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Acceso Comunitario a la Salud 2027' }),
    ).toBeVisible()
    const description = page.locator('div[lang="es"]', { hasText: SPANISH_DESCRIPTION })
    await expect(description).toBeVisible()
    // The Spanish question label, translated by the funder.
    await expect(
      page.getByText('¿Cómo van a dar forma a este trabajo las personas a las que sirven?'),
    ).toBeVisible()

    await page.goto('/programs/neighbourhood-health-grants-2026')
    await expect(
      page.getByRole('heading', { level: 1, name: /Neighbourhood Health Grants 2026/ }),
    ).toBeVisible()
    // The title is English, marked as such for screen readers, and said to be untranslated.
    await expect(page.locator('h1 span[lang="en"]')).toHaveText('Neighbourhood Health Grants 2026')
    await expect(page.locator('h1')).toContainText('sin traducir')
    await expect(
      page.locator('div[lang="en"]', { hasText: ENGLISH_ONLY_DESCRIPTION }).first(),
    ).toBeVisible()
    await expect(page.getByText('Este texto no se ha traducido.').first()).toBeVisible()
  })
})

test('an English reader sees the English description, with no note', async ({ page }) => {
  await page.goto('/programs/community-health-access-2027')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Community Health Access 2027' }),
  ).toBeVisible()
  await expect(page.getByText(/^Grants of \$5,000 to \$25,000/)).toBeVisible()
  await expect(page.getByText('This text has not been translated.')).toHaveCount(0)
})

test('the funder sees the language each part of an application was written in', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  await page.goto(
    '/orgs/riverbend-community-foundation/programs/community-health-access-2027/applications',
  )
  await page.getByRole('link', { name: /Promotoras de salud for Eastside families/ }).click()
  const questions = page.locator('section, .card', {
    has: page.getByText('Written in Spanish', { exact: true }),
  })
  await expect(page.getByText('Written in Spanish', { exact: true })).toBeVisible()
  // The promotoras' answer, marked as Spanish for screen readers.
  await expect(
    questions.locator('[lang="es"] dd', { hasText: /círculo de dirección/ }).first(),
  ).toBeVisible()
  await expect(page.getByText('Written in English', { exact: true }).first()).toBeVisible()
})
