import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, newUser, test } from './fixtures.ts'
import { expectNothingEnglish } from './english-left.ts'

/*
 * The applicant's journey in Spanish (issue 7): sign up, start an application, every step with a
 * validation error shown in Spanish beside its field, a file attached, then submitted. Every page
 * must show none of our English (expectNothingEnglish, english-left.ts); axe runs on every page
 * through the fixture.
 */

const PROGRAM = 'community-health-access-2027'

const saveAndContinue = (page: Page) =>
  page.getByRole('button', { name: 'Guardar y continuar' }).click()

test.describe('a Spanish-speaking group', () => {
  test.use({ locale: 'es-US' })

  test('signs up, fills every step with a Spanish error beside a field, attaches a file and submits', async ({
    page,
  }) => {
    test.slow()
    // Sign up through the form, in Spanish.
    const user = newUser()
    await page.goto('/signup')
    await expect(page.getByRole('heading', { level: 1, name: 'Cree su cuenta' })).toBeVisible()
    await page.getByLabel('Su nombre').fill(user.name)
    await page.getByLabel('Correo electrónico').fill(user.email)
    await page.getByLabel('Contraseña').fill(user.password)
    await page.getByRole('button', { name: 'Crear cuenta' }).click()
    await expect(page).not.toHaveURL(/\/signup/)
    await expectNothingEnglish(page)

    // A community group; the profile fields are Spanish (the page around them converts apart).
    const group = `Círculo de Salud ${randomBytes(3).toString('hex')}`
    await page.goto('/orgs/new?kind=community_group')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Registrar una organización' }),
    ).toBeVisible()
    await page.getByLabel('Nombre', { exact: true }).fill(group)
    await page
      .getByLabel('Quiénes dirigen la organización')
      .fill('Vecinas que vivieron sin seguro médico')
    await page.getByRole('button', { name: 'Crear la organización' }).click()
    await expect(page.getByRole('heading', { level: 1, name: group })).toBeVisible()
    await expectNothingEnglish(page)

    // Start the application.
    await page.goto(`/programs/${PROGRAM}/apply`)
    await expectNothingEnglish(page)
    await page.getByRole('button', { name: 'Empezar o continuar la solicitud' }).click()

    // Organisation: a contact email that is not one.
    await expect(page.getByRole('heading', { name: 'Organización y liderazgo' })).toBeVisible()
    await expect(page.getByLabel('¿Quiénes dirigen su organización?')).toHaveValue(
      'Vecinas que vivieron sin seguro médico',
    )
    await page.getByLabel(/comparten la experiencia de la comunidad/).selectOption('yes')
    await page.getByLabel('Correo electrónico de contacto').fill('no-es-un-correo')
    await saveAndContinue(page)
    await expect(
      page.getByText('Escriba un correo electrónico como nombre@ejemplo.org'),
    ).toBeVisible()
    await expect(page.getByLabel('Correo electrónico de contacto')).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await expectNothingEnglish(page)
    await expectAccessible(page)
    await page.getByLabel('Correo electrónico de contacto').fill(user.email)
    await saveAndContinue(page)

    // Community: the county picker speaks Spanish, on screen and in its live region.
    await expect(page.getByRole('heading', { name: 'Comunidad a la que sirve' })).toBeVisible()
    await page
      .getByLabel('¿A quiénes sirve el proyecto?')
      .fill('Familias sin seguro médico en Lakeside, Columbus.')
    const counties = page.getByRole('combobox', { name: 'Condados de EE. UU. donde trabaja' })
    await counties.fill('Zzyzx')
    await expect(
      page.locator('p:not(.visually-hidden)', { hasText: 'Ningún condado coincide.' }),
    ).toBeVisible()
    await counties.fill('Franklin')
    await expect(page.getByRole('option', { name: /Franklin County, Ohio/ })).toBeVisible()
    await expect(page.getByRole('option', { name: /Franklin County, Ohio/ })).toContainText(
      /SVI \d{4}: \d+\.º percentil/,
    )
    await counties.press('ArrowDown')
    await counties.press('Enter')
    await expect(
      page.getByRole('status').filter({ hasText: /Se agregó Franklin County, Ohio/ }),
    ).toHaveText('Se agregó Franklin County, Ohio. 1 condado elegido.')
    await expect(page.getByRole('button', { name: /Quitar Franklin County, Ohio/ })).toBeVisible()
    await expectNothingEnglish(page)
    await expectAccessible(page)
    await saveAndContinue(page)

    // Project: a title over 150 characters.
    await expect(page.getByRole('heading', { name: 'El proyecto' })).toBeVisible()
    await page.getByLabel('Nombre del proyecto').fill('x'.repeat(151))
    await page
      .getByLabel(/Qué van a hacer/)
      .fill(
        'Dos vecinas capacitadas ayudan a 150 familias sin seguro a inscribirse y encontrar una clínica.',
      )
    await page.getByLabel('Acceso a la atención médica y su calidad').check()
    await saveAndContinue(page)
    await expect(page.getByText('Use como máximo 150 caracteres')).toBeVisible()
    await expectNothingEnglish(page)
    await expectAccessible(page)
    await page
      .getByLabel('Nombre del proyecto')
      .fill(`Navegadoras de salud ${randomBytes(3).toString('hex')}`)
    await saveAndContinue(page)

    // Budget: an amount that is not one, then lines that add up.
    await expect(page.getByRole('heading', { name: 'Presupuesto' })).toBeVisible()
    await expect(
      page.getByText(/Esta convocatoria otorga entre \$5,000\.00 y \$25,000\.00/),
    ).toBeVisible()
    await page.getByLabel('Monto que pide (USD)').fill('diez mil')
    await saveAndContinue(page)
    await expect(page.getByText('Escriba el monto que pide como 1500 o 1,500.50')).toBeVisible()
    await expectNothingEnglish(page)
    await expectAccessible(page)
    await page.getByLabel('Monto que pide (USD)').fill('10,000')
    await page.getByLabel('Para qué es').first().fill('Pagos a las navegadoras')
    await page
      .getByLabel(/^Monto/)
      .nth(1)
      .fill('10000')
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'El presupuesto cuadra y está dentro del rango.' }),
    ).toBeVisible()
    await expect(
      page.getByText(/Las líneas suman \$10,000\.00; usted pide \$10,000\.00/),
    ).toBeVisible()
    await saveAndContinue(page)

    // Volunteer skills: hours without a skill.
    await expect(page.getByRole('heading', { name: 'Habilidades de voluntarios' })).toBeVisible()
    await page.getByLabel('Horas que necesita').first().fill('10')
    await saveAndContinue(page)
    await expect(page.getByText('Elija la habilidad que necesita')).toBeVisible()
    await expectNothingEnglish(page)
    await expectAccessible(page)
    await page.getByLabel('Horas que necesita').first().fill('')
    await saveAndContinue(page)

    // Questions: the program's own words stay as the funder wrote them; ours are Spanish.
    await expect(page.getByRole('heading', { name: 'Preguntas de la convocatoria' })).toBeVisible()
    await page
      .getByLabel('¿Cómo van a dar forma a este trabajo las personas a las que sirven?')
      .fill('Las familias eligen a las navegadoras y revisan el avance cada mes.')
    // A file: nothing chosen says so beside the field in Spanish, then a letter is attached.
    await page.getByRole('button', { name: 'Subir Carta de apoyo' }).click()
    await expect(page.getByRole('alert')).toContainText('Elija un archivo para subir.')
    await page.getByLabel('Agregar un archivo para “Carta de apoyo”').setInputFiles({
      name: 'carta-de-apoyo.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 una carta de apoyo'),
    })
    await page.getByRole('button', { name: 'Subir Carta de apoyo' }).click()
    await expect(page.getByText('Se subió carta-de-apoyo.pdf.')).toBeVisible()
    await expect(page.getByRole('link', { name: 'carta-de-apoyo.pdf' })).toBeVisible()
    await expect(
      page.getByRole('heading', { name: 'Otros documentos de apoyo (opcional)' }),
    ).toBeVisible()
    await expect(page.getByText('Todavía no hay archivos.')).toBeVisible()
    await expectNothingEnglish(page)
    await expectAccessible(page)
    await saveAndContinue(page)

    // Review and submit, in Spanish.
    await expect(page).toHaveURL(/\/review$/)
    await expect(page.getByText('Está todo lo que pide la convocatoria.')).toBeVisible()
    await expectNothingEnglish(page)
    await expectAccessible(page)
    await page.getByRole('checkbox', { name: /Entiendo que, una vez enviada/ }).check()
    await page.getByRole('button', { name: 'Enviar solicitud' }).click()
    await expect(page).not.toHaveURL(/\/review$/)
    await expect(
      page.getByText('Su solicitud fue enviada. Aquí puede seguir su estado.'),
    ).toBeVisible()
    await expectNothingEnglish(page)
  })
})
