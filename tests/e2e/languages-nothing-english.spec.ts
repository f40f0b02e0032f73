import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, linkFromOutbox, test } from './fixtures.ts'
import { englishLeft, ENGLISH_PHRASES, expectNothingEnglish } from './english-left.ts'

/*
 * Issue 7's "done": a Spanish reader meets none of our English on the public pages, the funder's
 * pages and a group's application pages. The applicant's steps with their validation errors are
 * checked the same way in languages-journey.spec.ts (expectNothingEnglish on every step).
 */

const ORG = '/orgs/riverbend-community-foundation'
const PROGRAM = 'community-health-access-2027'
const IN_REVIEW = `${ORG}/programs/neighbourhood-health-grants-2026`

/** Logs in through the English login page (the helper's labels), then reads in Spanish. */
async function logIn(page: Page, email: string) {
  await page.goto('/login?lang=en')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible()
}

test('the check itself finds our English on an English page', async ({ page }) => {
  expect(ENGLISH_PHRASES.length).toBeGreaterThan(300)
  await page.goto('/programs?lang=en')
  const found = await englishLeft(page)
  expect(found).toEqual(expect.arrayContaining(['Where you work', 'Skip to content']))
})

test.describe('a visitor whose browser prefers Spanish', () => {
  test.use({ locale: 'es-US' })

  test('reads the home page, the programs list and a program with its rubric in Spanish only', async ({
    page,
  }) => {
    test.slow()
    await page.goto('/')
    await expectNothingEnglish(page)
    await page.goto('/programs')
    await expectNothingEnglish(page)
    await page.goto('/programs?minAward=mucho')
    await expectNothingEnglish(page)
    await page.goto(`/programs/${PROGRAM}`)
    // The equity template's criteria, in Spanish since the template carries both languages.
    await expect(
      page.getByRole('heading', { name: 'Cómo se califican las solicitudes' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: /Liderazgo de la comunidad/ })).toBeVisible()
    await expect(page.getByText('Este texto no se ha traducido.')).toHaveCount(0)
    await expectNothingEnglish(page)
    await page.goto('/login')
    await expectNothingEnglish(page)
    await page.goto('/signup')
    await expectNothingEnglish(page)
  })

  test('a funder reads every funder page in Spanish only', async ({ page }) => {
    test.slow()
    await logIn(page, 'officer@example.org')
    const program = `${ORG}/programs/${PROGRAM}`
    for (const path of [
      '/',
      ORG,
      `${ORG}/funds`,
      `${ORG}/funds/new`,
      `${program}`,
      `${program}/details`,
      `${program}/rubric`,
      `${program}/questions`,
      `${program}/applications`,
      `${program}/applications?status=submitted&sort=amount`,
      `${ORG}/programs/neighbourhood-health-grants-2026`,
      `${ORG}/programs/neighbourhood-health-grants-2026/applications`,
      `${ORG}/programs/neighbourhood-health-grants-2026/ranking?sort=normalised`,
      // The review pages: the panel, the review progress, the ranking and fairness.
      `${IN_REVIEW}/panel`,
      `${IN_REVIEW}/review`,
      `${IN_REVIEW}/ranking`,
      `${IN_REVIEW}/fairness`,
    ]) {
      await page.goto(path)
      await expectNothingEnglish(page)
    }
    // One application, as the funder reads it.
    await page.goto(`${program}/applications`)
    const first = page.getByRole('main').locator('a[href^="/applications/"]').first()
    await first.click()
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
    await expectNothingEnglish(page)
    // A fund and its editor.
    await page.goto(`${ORG}/funds`)
    await page.getByRole('main').locator(`a[href^="${ORG}/funds/"]`).first().click()
    await expectNothingEnglish(page)
  })

  test('a reviewer reads the review queue, a review and a panel invitation in Spanish only', async ({
    page,
    browser,
  }) => {
    test.slow()
    await logIn(page, 'reviewer@example.org')
    await page.goto('/reviews')
    await expectNothingEnglish(page)
    // Her last review, one the seed has her submitted: read, not changed, so other specs keep theirs.
    await page
      .getByRole('link', { name: /^Evaluación [0-9a-f]{8}$/ })
      .last()
      .click()
    await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/)
    await expectNothingEnglish(page)

    // The officer invites someone onto the panel; the invitation page, read in Spanish.
    const officer = await browser.newContext({ locale: 'es-US' })
    const officerPage = await officer.newPage()
    await logIn(officerPage, 'officer@example.org')
    await officerPage.goto(`${IN_REVIEW}/panel`)
    const email = `panel-${Date.now()}@example.test`
    await officerPage.getByLabel('Correo electrónico').fill(email)
    await officerPage.getByRole('button', { name: 'Enviar invitación' }).click()
    // Listed among the pending invitations, each with its revoke button.
    await expect(
      officerPage.getByRole('button', { name: `Revocar la invitación a ${email}` }),
    ).toBeVisible()
    await expectNothingEnglish(officerPage)
    await officer.close()
    await page.goto(await linkFromOutbox(browser, email, /review|evaluar/i))
    await expectNothingEnglish(page)
  })

  test('a group reads its dashboard and submitted application in Spanish only', async ({
    page,
  }) => {
    test.slow()
    await logIn(page, 'maria@example.org')
    await expectNothingEnglish(page)
    await page.goto('/orgs/eastside-health-collective')
    await expectNothingEnglish(page)
    await page.goto('/orgs/eastside-health-collective/applications')
    await expectNothingEnglish(page)
    // A submitted one (other specs may leave the group a draft, which opens at its first step).
    await page
      .getByRole('row')
      .filter({ hasText: 'Enviada' })
      .first()
      .locator('a[href^="/applications/"]')
      .first()
      .click()
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/)
    await expectNothingEnglish(page)
    await page.goto('/account')
    await expectNothingEnglish(page)
  })
})
