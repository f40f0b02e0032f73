import { readFileSync } from 'node:fs'
import { type Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from './fixtures.ts'

/** Every English sentence of a namespace (without its {{values}}), and the Spanish it became. */
function englishOf(namespace: string): string[] {
  const read = (lang: string) =>
    JSON.parse(readFileSync(`app/locales/${lang}/${namespace}.json`, 'utf8')) as object
  const flat = (value: unknown, path: string, into: Map<string, string>) => {
    if (typeof value === 'string') into.set(path, value)
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) flat(v, path ? `${path}.${k}` : k, into)
    return into
  }
  const en = flat(read('en'), '', new Map())
  const es = flat(read('es'), '', new Map())
  const phrases = new Set<string>()
  for (const [key, text] of en) {
    if (text === es.get(key)) continue // "No", "Email:" — the same in both
    // The longest literal part of the sentence, around its {{values}}.
    const longest = text
      .split(/\{\{[^}]+\}\}/)
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0]
    if (longest && longest.length >= 4) phrases.add(longest)
  }
  return [...phrases]
}

const ENGLISH = [...new Set(['organizations', 'admin'].flatMap(englishOf))]
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * No sentence of the organisations' or the admin's English is left in the page's main text
 * (people's data aside: addresses, names in tables, audit details; "admin@example.org" is not
 * the word "admin").
 */
async function expectNoEnglish(page: Page, pendingElsewhere: string[] = []) {
  let text = await page.getByRole('main').innerText()
  // An audit row's details are its stored data ("role: owner"), shown as recorded.
  // Names in tables are links (other tests' organisations share the database: "Invite Test …"),
  // or, for what has no page of its own (a program in an audit row), its titled label.
  for (const data of await page
    .locator('main dl.details, main td a, main td span[title]')
    .allInnerTexts()) {
    text = text.replace(data, ' ')
  }
  text = text.replace(/\S+@\S+/g, ' ')
  const left = ENGLISH.filter((phrase) => !pendingElsewhere.includes(phrase)).filter((phrase) =>
    new RegExp(`(^|[^\\p{L}])${escape(phrase)}($|[^\\p{L}])`, 'u').test(text),
  )
  expect(left, `English left on ${page.url()}`).toEqual([])
}

test.describe('organisations and admin in Spanish', () => {
  test.use({ locale: 'es-US' })
  // Many pages each, and axe checks every one at two widths: more than the default time.
  test.slow()

  test('a group sets up its organisation, fixes a mistake and invites someone, all in Spanish', async ({
    page,
    browser,
    user,
  }) => {
    await page.goto('/orgs/new?kind=community_group')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Registrar una organización' }),
    ).toBeVisible()
    await expect(page).toHaveTitle('Nueva organización · Commons Fund')
    await expect(page.getByText('¿Qué tipo de organización es?')).toBeVisible()
    await expectNoEnglish(page)
    // The name is left empty: the schema's message, in Spanish.
    await page.getByRole('button', { name: 'Crear la organización' }).click()
    await expect(page.getByText('Escriba el nombre de la organización')).toBeVisible()
    await page.locator('input[name="name"]').fill('Huerta Comunitaria del Sur')
    await page.getByRole('button', { name: 'Crear la organización' }).click()

    await expect(
      page.getByRole('heading', { level: 1, name: 'Huerta Comunitaria del Sur' }),
    ).toBeVisible()
    await expect(
      page.getByText('Registramos Huerta Comunitaria del Sur. Usted es su responsable.'),
    ).toBeVisible()
    await expect(page.getByText('Usted es responsable')).toBeVisible()
    await expect(page.getByText('Grupo comunitario')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Organización' })).toBeVisible()
    await expect(page.getByText('Todavía sin dato').first()).toBeVisible()
    await expectNoEnglish(page)

    await page.getByRole('link', { name: 'Solicitudes', exact: true }).click()
    await expect(page.getByText('Todavía no tiene solicitudes')).toBeVisible()
    await expectNoEnglish(page)

    await page.getByRole('link', { name: 'Editar el perfil' }).first().click()
    await expect(page.getByRole('button', { name: 'Guardar el perfil' })).toBeVisible()
    await expectNoEnglish(page)
    await page.locator('input[name="website"]').fill('not a website')
    await page.getByRole('button', { name: 'Guardar el perfil' }).click()
    await expect(
      page.getByText('Escriba la dirección completa, que empiece con https://'),
    ).toBeVisible()
    await page.locator('input[name="website"]').fill('')
    await page.getByRole('button', { name: 'Guardar el perfil' }).click()
    await expect(page.getByText('Guardamos el perfil.')).toBeVisible()

    await page.getByRole('link', { name: 'Miembros' }).click()
    await expect(page.getByRole('table', { name: '1 miembro' })).toBeVisible()
    await expect(page.getByRole('cell', { name: `${user.name} (usted)` })).toBeVisible()
    await page.getByLabel('Correo electrónico de la persona').fill('no-es-un-correo')
    await page.getByRole('button', { name: 'Invitar', exact: true }).click()
    await expect(
      page.getByText('Escriba un correo electrónico como nombre@ejemplo.org'),
    ).toBeVisible()
    const invitee = `invitada-${Date.now()}@example.test`
    await page.getByLabel('Correo electrónico de la persona').fill(invitee)
    await page.getByLabel('Rol', { exact: true }).selectOption('admin')
    await page.getByRole('button', { name: 'Invitar', exact: true }).click()
    await expect(page.getByText(`Invitamos a ${invitee} como administrador/a.`)).toBeVisible()
    await expect(page.getByRole('table', { name: '1 invitación pendiente' })).toBeVisible()
    await expect(
      page.getByRole('button', { name: `Anular la invitación para ${invitee}` }),
    ).toBeVisible()
    await expectNoEnglish(page)
    const link = await page.getByLabel('Enlace de la invitación').inputValue()

    // Someone who is not signed in opens the link, in Spanish.
    const theirs = await browser.newContext({ locale: 'es-US' })
    const theirPage = await theirs.newPage()
    await theirPage.goto(link)
    await expect(
      theirPage.getByRole('heading', {
        level: 1,
        name: 'Invitación a Huerta Comunitaria del Sur',
      }),
    ).toBeVisible()
    await expect(
      theirPage.getByText(
        `${user.name} invitó a ${invitee} a unirse a Huerta Comunitaria del Sur como administrador/a.`,
      ),
    ).toBeVisible()
    await expect(
      theirPage.getByText(`Inicie sesión o cree una cuenta con ${invitee} para aceptar.`),
    ).toBeVisible()
    await expectNoEnglish(theirPage)
    await theirs.close()

    // Revoked: the link now says so, in Spanish.
    await page.getByRole('button', { name: `Anular la invitación para ${invitee}` }).click()
    await expect(page.getByText('Anulamos la invitación.')).toBeVisible()
    await page.goto(link)
    await expect(page.getByRole('alert')).toHaveText(
      'Esta invitación fue anulada. Pida un enlace nuevo a quien se la envió.',
    )
  })

  test('the platform admin reads users, organisations and the audit log in Spanish', async ({
    page,
  }) => {
    await page.goto('/login')
    await page.getByLabel('Correo electrónico').fill('admin@example.org')
    await page.getByLabel('Contraseña').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Iniciar sesión' }).click()
    await page.getByRole('link', { name: 'Administración' }).click()

    await expect(
      page.getByRole('heading', { level: 1, name: 'Administración de la plataforma' }),
    ).toBeVisible()
    await expect(page).toHaveTitle('Administración de la plataforma · Commons Fund')
    await expect(page.getByRole('table', { name: 'Usuarios, página 1' })).toBeVisible()
    await expectNoEnglish(page)

    // The list is newest first and the other specs sign up accounts of their own: filter to her.
    await page.getByLabel('El nombre o el correo contiene').fill('officer@example.org')
    await page.getByRole('button', { name: 'Filtrar' }).click()
    await page.getByRole('link', { name: 'Olivia Reyes' }).click()
    await expect(page.getByRole('heading', { name: 'Cuenta' })).toBeVisible()
    await expect(page.getByText('Organizaciones de')).toBeVisible()
    await page.getByRole('button', { name: 'Suspender…' }).click()
    await expect(page.getByText(/^¿Suspender a .+\?$/)).toBeVisible()
    await expectNoEnglish(page)
    await page.getByRole('link', { name: 'Cancelar' }).click()

    await page.getByRole('link', { name: 'Organizaciones', exact: true }).click()
    await page.getByLabel('Tipo').selectOption('funder')
    await expect(page.getByLabel('Tipo').locator('option:checked')).toHaveText(
      'Organización financiadora',
    )
    await expect(page.getByRole('table', { name: 'Organizaciones, página 1' })).toBeVisible()
    await expectNoEnglish(page)
    await page.getByRole('link', { name: 'Riverbend Community Foundation' }).click()
    await expect(page.getByRole('heading', { name: 'Perfil' })).toBeVisible()
    await expect(page.getByText('Dirección en el sitio')).toBeVisible()
    await expect(page.getByRole('cell', { name: 'Responsable' }).first()).toBeVisible()
    await expectNoEnglish(page)

    await page.getByRole('link', { name: 'Registro de actividad' }).click()
    await page.getByLabel('Acción').selectOption('database.seeded')
    // The filter form's own button belongs to the shared components (another conversion).
    await page.getByRole('search').getByRole('button').click()
    await expect(
      page.getByRole('cell', { name: /Se cargaron los datos de demostración/ }),
    ).toBeVisible()
    await expectNoEnglish(page)
  })
})
