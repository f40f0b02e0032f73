import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from './fixtures.ts'

const ORG = '/orgs/riverbend-community-foundation'
const PROGRAM = `${ORG}/programs/community-health-access-2027`

type Tree = { [key: string]: string | Tree }
const read = (lang: string, ns: string) =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, `../../app/locales/${lang}/${ns}.json`), 'utf8'),
  ) as Tree
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : leaves(v, `${prefix}${k}.`),
  )

/**
 * The funder pages' English words, as a reader would spot them: every English text of the
 * `funder` namespace that is a whole phrase (no values to fill in) and differs from its Spanish.
 * The demo's own content (program title, rubric criteria, applications) is English and is not
 * checked here: it is the funders' text, not the page's.
 */
const ENGLISH_PHRASES = (() => {
  const es = new Map(leaves(read('es', 'funder')))
  return (
    leaves(read('en', 'funder'))
      .filter(([key, text]) => !text.includes('{{') && text.length >= 8 && es.get(key) !== text)
      .map(([, text]) => text)
      // Words the demo's content also uses, in capitals, as the rubric template's labels do.
      .filter((text) => !['Economic stability', 'Not set', 'Addresses'].includes(text))
  )
})()

/**
 * The page's main text holds none of the funder pages' English phrases. The organisation's own
 * navigation above the page is another part's (organizations), so it is left out.
 */
async function expectNoEnglish(page: Page) {
  const text = await page.getByRole('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement
    for (const nav of copy.querySelectorAll('nav')) {
      if (!nav.closest('section, form') && nav.getAttribute('aria-label') !== 'Convocatoria')
        nav.remove()
    }
    return copy.innerText || copy.textContent || ''
  })
  const found = ENGLISH_PHRASES.filter((phrase) => text.includes(phrase))
  expect(found, `English left on ${page.url()}`).toEqual([])
}

/** Logs in through the English login page (the helper's labels), then reads in Spanish. */
async function logInOfficer(page: Page) {
  await page.goto('/login?lang=en')
  await page.getByLabel('Email').fill('officer@example.org')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible()
}

test.describe('a funder whose browser prefers Spanish', () => {
  test.use({ locale: 'es-US' })

  test('reads the funds pages in Spanish, with Spanish validation errors', async ({ page }) => {
    await logInOfficer(page)
    await page.goto(`${ORG}/funds`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(page.getByRole('heading', { name: 'Fondos', exact: true })).toBeVisible()
    await expect(page).toHaveTitle('Fondos · Commons Fund')
    await expectNoEnglish(page)

    await page.getByRole('link', { name: 'Crear un fondo' }).click()
    await expect(page.getByRole('heading', { name: 'Crear un fondo' })).toBeVisible()
    await expect(page.getByLabel('Descripción pública (opcional)')).toBeVisible()
    await expectNoEnglish(page)
    await page.getByRole('button', { name: 'Crear fondo' }).click()
    await expect(page.getByText('Escriba el nombre del fondo')).toBeVisible()

    await page.goto(`${ORG}/funds`)
    await page.getByRole('link', { name: 'Riverbend Health Equity Fund' }).click()
    await expect(page.getByRole('table', { name: /^Convocatorias de / })).toBeVisible()
    await expect(page.getByRole('cell', { name: 'Abierta', exact: true })).toBeVisible()
    await expectNoEnglish(page)

    await page.getByRole('link', { name: 'Editar fondo' }).click()
    await expect(page.getByRole('heading', { name: /^Editar / })).toBeVisible()
    await expect(page.getByText('No se puede cambiar: las convocatorias')).toBeVisible()
    await expectNoEnglish(page)

    await page.getByRole('link', { name: 'Volver al fondo' }).click()
    await page.getByRole('link', { name: 'Crear una convocatoria' }).click()
    await expect(page.getByRole('heading', { name: /^Crear una convocatoria en / })).toBeVisible()
    await expectNoEnglish(page)
    await page.getByLabel('Título', { exact: true }).fill('Convocatoria de prueba')
    await page.getByLabel('Presupuesto total (USD)').fill('100,000')
    await page.getByLabel('Subvención mínima (USD)').fill('30,000')
    await page.getByLabel('Subvención máxima (USD)').fill('20,000')
    await page.getByRole('button', { name: 'Crear convocatoria' }).click()
    await expect(
      page.getByText('La subvención mínima no puede ser mayor que la máxima'),
    ).toBeVisible()
  })

  test('reads a program’s pages in Spanish: overview, details, rubric, questions, applications and the CSV', async ({
    page,
  }) => {
    test.slow()
    await logInOfficer(page)
    await page.goto(PROGRAM)
    const programNav = page.getByRole('navigation', { name: 'Convocatoria' })
    await expect(programNav.getByRole('link', { name: 'Resumen' })).toBeVisible()
    await expect(
      page.getByText('Esta convocatoria está abierta y recibe solicitudes.'),
    ).toBeVisible()
    await expect(page.getByText('Monto pedido frente al presupuesto').first()).toBeVisible()
    await expect(page.getByText('Presupuesto total', { exact: true })).toBeVisible()
    await expectNoEnglish(page)

    await programNav.getByRole('link', { name: 'Datos' }).click()
    await expect(page.getByRole('heading', { name: 'Datos', exact: true })).toBeVisible()
    await expect(page.getByLabel('Zona horaria de estas fechas')).toBeVisible()
    await expectNoEnglish(page)
    await page.getByLabel('Título', { exact: true }).fill('')
    await page.getByRole('button', { name: 'Guardar los datos' }).click()
    await expect(page.getByText('Escriba el título de la convocatoria')).toBeVisible()

    await programNav.getByRole('link', { name: 'Rúbrica' }).click()
    await expect(page.getByRole('heading', { name: 'Rúbrica', exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Pesos' })).toBeVisible()
    await expectNoEnglish(page)
    const weights = page.getByRole('spinbutton', { name: /^Peso de / })
    await weights.first().fill('1')
    await page.getByRole('button', { name: 'Guardar pesos' }).click()
    await expect(page.getByRole('alert').filter({ hasText: /^Los pesos suman \d+/ })).toBeVisible()

    await programNav.getByRole('link', { name: 'Preguntas' }).click()
    await expect(page.getByRole('heading', { name: 'Agregar una pregunta' })).toBeVisible()
    await expectNoEnglish(page)
    await page.getByRole('button', { name: 'Agregar pregunta' }).click()
    await expect(page.getByText('Escriba la pregunta')).toBeVisible()

    await programNav.getByRole('link', { name: 'Solicitudes' }).click()
    await expect(page.getByRole('heading', { name: 'Solicitudes', exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Cifras' })).toBeVisible()
    await expect(page.getByLabel('Orden')).toBeVisible()
    await expectNoEnglish(page)
    const spreadsheet = page.getByRole('link', { name: /como hoja de cálculo \(CSV\)/ })
    const [download] = await Promise.all([page.waitForEvent('download'), spreadsheet.click()])
    expect(download.suggestedFilename()).toMatch(
      /^community-health-access-2027-solicitudes-.*\.csv$/,
    )
    const csv = readFileSync(await download.path(), 'utf8')
    expect(csv.split('\r\n')[0]).toContain('ID de la solicitud,Título,Organización,Estado')
  })
})
