import { randomBytes } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible } from './fixtures.ts'
import { test } from './signed-in.ts'

/*
 * The public side and the application's shell and review page in Spanish (issue 7): a browser
 * preferring Spanish gets them in Spanish, errors included. What funders wrote (titles,
 * descriptions, criteria) stays as written; the checks below look at the page's own words.
 */

const PROGRAM = 'community-health-access-2027'

/** React's hydration warnings, which would mean the browser rendered other words than the server. */
function watchHydration(page: Page) {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /hydrat|did not match/i.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  return problems
}

/** The page's own English words that must not be left on a Spanish page. */
async function expectNoEnglish(region: Locator, words: string[]) {
  const text = await region.innerText()
  for (const word of words) expect(text, `"${word}" left in English`).not.toContain(word)
}

test.describe('a browser preferring Spanish', () => {
  test.use({ locale: 'es-US' })

  test('lists the open programs in Spanish, with a filter error in Spanish', async ({ page }) => {
    const problems = watchHydration(page)
    await page.goto('/programs')
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(page).toHaveTitle('Convocatorias abiertas · Commons Fund')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Convocatorias abiertas' }),
    ).toBeVisible()
    const filters = page.getByRole('search', { name: 'Filtrar convocatorias' })
    for (const label of [
      'Buscar',
      'Dónde trabaja',
      'Tema',
      'Subvención de al menos ($)',
      'Subvención de hasta ($)',
      'Cierra a más tardar el',
    ]) {
      await expect(filters.getByLabel(label)).toBeVisible()
    }
    await expectNoEnglish(page.getByRole('main'), [
      'Open funding programs',
      'Awards',
      'Deadline',
      'Where you work',
      'Filter',
    ])

    // A search nothing matches: the empty state, in Spanish.
    await filters.getByLabel('Buscar').fill('ninguna convocatoria se llama así')
    await filters.getByRole('button', { name: 'Filtrar' }).click()
    await expect(
      page.getByText('Ninguna convocatoria abierta coincide con estos filtros'),
    ).toBeVisible()
    await expect(
      page.getByRole('link', { name: 'vea todas las convocatorias abiertas' }),
    ).toBeVisible()

    // A bad amount is explained next to its field, in Spanish.
    await page.goto('/programs?minAward=mucho')
    await expect(
      page.getByText('Escriba la subvención más pequeña como una cantidad, por ejemplo 5000'),
    ).toBeVisible()
    await expect(page.getByLabel('Subvención de al menos ($)')).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await expectAccessible(page)
    expect(problems).toEqual([])
  })

  test("shows a program's page, rubric and dates in Spanish", async ({ page }) => {
    const problems = watchHydration(page)
    await page.goto(`/programs/${PROGRAM}`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { name: 'Se reciben solicitudes' })).toBeVisible()
    await expect(
      main.getByText(/^Fecha límite: .+\. No se pueden enviar solicitudes/),
    ).toBeVisible()
    await expect(main.getByRole('link', { name: /^Presentar una solicitud a / })).toBeVisible()
    for (const heading of [
      'Sobre esta convocatoria',
      'Quién puede presentar una solicitud',
      'Fondos y fechas',
      'Cómo se califican las solicitudes',
      'Las preguntas propias de esta convocatoria',
    ]) {
      await expect(main.getByRole('heading', { level: 2, name: heading })).toBeVisible()
    }
    const rubric = main.getByRole('table', { name: 'Criterios y pesos' })
    await expect(rubric.getByRole('columnheader', { name: 'Criterio', exact: true })).toBeVisible()
    await expect(rubric.getByRole('columnheader', { name: 'Peso' })).toBeVisible()
    await expect(
      main.getByRole('table', { name: /^Niveles de calificación de / }).first(),
    ).toBeVisible()
    // The deadline also in the visitor's zone, once the page runs: Spanish words around it.
    await expect(
      main.getByText(/donde usted está\)|también en su zona horaria/).first(),
    ).toBeVisible()
    await expectNoEnglish(main, [
      'Applications are open',
      'Deadline',
      'Who can apply',
      'Funding and dates',
      'How applications are judged',
      'Criteria and weights',
      'Weight',
      'Scored out of',
      'Score levels',
      'What reviewers look for',
      'reviewers score',
      'required;',
      'optional;',
      'percentile',
      'where you are',
      'Total budget',
      'Volunteer help',
      'Open programs',
    ])
    expect(problems).toEqual([])
  })

  test('starts an application and lists what is missing on the review page, in Spanish', async ({
    signedInPage: page,
  }) => {
    const problems = watchHydration(page)
    // The organisation form is another area's page: filled in English (?lang=en is this page only).
    const name = `Círculo de Salud ${randomBytes(3).toString('hex')}`
    await page.goto('/orgs/new?kind=community_group&lang=en')
    await page.getByLabel('Name').fill(name)
    await page.getByLabel('Who leads the organisation').fill('Promotoras que viven en el barrio')
    await page.getByRole('button', { name: 'Create organisation' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

    await page.goto(`/programs/${PROGRAM}/apply`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(
      page.getByRole('heading', { level: 1, name: /^Presentar una solicitud a / }),
    ).toBeVisible()
    await expect(page.getByRole('group', { name: 'Presentar la solicitud como' })).toBeVisible()
    await expectNoEnglish(page.getByRole('main'), ['Apply', 'Deadline', 'Which group'])
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Empezar o continuar la solicitud' }).click()
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/organization$/)
    const id = page.url().match(/applications\/([0-9a-f-]{36})/)?.[1]

    await page.goto(`/applications/${id}/review`)
    await expect(page.getByRole('heading', { level: 1, name: /^Solicitud a / })).toBeVisible()
    const steps = page.getByRole('navigation', { name: 'Pasos de la solicitud' })
    // Shown on a phone only: there, one line says where the group is.
    await expect(steps.getByText(/^Paso \d+ de \d+: Revisar y enviar$/)).toHaveCount(1)
    await expect(steps.getByRole('link', { name: /^El proyecto \(pendiente\)$/ })).toBeVisible()
    await expect(page.getByText('Borrador', { exact: true })).toBeVisible()

    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { name: 'Antes de enviar' })).toBeVisible()
    await expect(
      main.getByText(/^Hay \d+ cosas que necesitan su atención antes de enviar:$/),
    ).toBeVisible()
    // Each missing part names its step and links to it, in Spanish.
    await expect(
      main.getByRole('link', { name: 'El proyecto: Póngale un título al proyecto' }),
    ).toHaveAttribute('href', `/applications/${id}/project`)
    await expect(
      main.getByRole('link', { name: 'Presupuesto: Agregue al menos una partida al presupuesto' }),
    ).toBeVisible()
    await expect(main.getByRole('button', { name: 'Enviar solicitud' })).toBeDisabled()
    // The application as it stands, below: its sections in Spanish.
    await expect(main.getByRole('heading', { name: 'Organización y liderazgo' })).toBeVisible()
    await expect(main.getByText('Todavía no hay partidas en el presupuesto.')).toBeVisible()
    await expectNoEnglish(main, [
      'Before you submit',
      'need your attention',
      'Give the project a title',
      'Submit application',
      'Amount requested',
      'No budget lines yet',
      'Change',
      'Application to',
    ])
    await expectAccessible(page)
    expect(problems).toEqual([])
  })
})
