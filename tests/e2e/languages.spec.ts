import { type Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const SPANISH_HOME = 'Recursos para el trabajo comunitario por la equidad en salud'
const ENGLISH_HOME = 'Resources to community-led health equity work'

/** React's hydration warnings, which would mean the browser rendered other words than the server. */
function watchHydration(page: Page) {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /hydrat|did not match/i.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  return problems
}

test.describe('a browser preferring Spanish', () => {
  test.use({ locale: 'es-US' })

  test('gets the home page and login in Spanish, with Spanish validation errors', async ({
    page,
  }) => {
    const problems = watchHydration(page)
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(page.getByRole('heading', { level: 1, name: SPANISH_HOME })).toBeVisible()
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      'href',
      /\/\?lang=en$/,
    )
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1)

    // A client-side visit: the login page's namespace loads on the way, in Spanish.
    await page.getByRole('main').getByRole('link', { name: 'Iniciar sesión' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible()
    await expect(page).toHaveTitle('Iniciar sesión · Commons Fund')
    await page.getByLabel('Correo electrónico').fill('no-es-un-correo')
    await page.getByRole('button', { name: 'Iniciar sesión' }).click()
    await expect(
      page.getByText('Escriba un correo electrónico como nombre@ejemplo.org'),
    ).toBeVisible()
    // A refusal from the server (a service's key) is Spanish too.
    await page.getByLabel('Correo electrónico').fill('nadie@example.test')
    await page.getByLabel('Contraseña').fill('no es la contraseña')
    await page.getByRole('button', { name: 'Iniciar sesión' }).click()
    await expect(page.getByRole('alert')).toHaveText(
      'Ese correo electrónico y esa contraseña no corresponden a ninguna cuenta.',
    )
    expect(problems).toEqual([])
  })

  test('?lang=en shows one page in English without changing the choice', async ({ page }) => {
    await page.goto('/signup?lang=en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible()
    await page.goto('/signup')
    await expect(page.getByRole('heading', { name: 'Cree su cuenta' })).toBeVisible()
  })
})

test.describe('without JavaScript', () => {
  test.use({ locale: 'es-US', javaScriptEnabled: false })

  test('validation errors come back in Spanish, and switching to English and back is remembered', async ({
    page,
  }) => {
    await page.goto('/login')
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await page.getByLabel('Correo electrónico').fill('no-es-un-correo')
    await page.getByRole('button', { name: 'Iniciar sesión' }).click()
    await expect(
      page.getByText('Escriba un correo electrónico como nombre@ejemplo.org'),
    ).toBeVisible()

    await page.getByRole('button', { name: 'English' }).click()
    await expect(page).toHaveURL(/\/login$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible()
    // Remembered (the cookie), though the browser still prefers Spanish.
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: ENGLISH_HOME })).toBeVisible()

    await page.getByRole('button', { name: 'Español' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('heading', { level: 1, name: SPANISH_HOME })).toBeVisible()
  })
})

test('a signed-in choice is saved on the account and follows it to another browser', async ({
  page,
  user,
  browser,
}) => {
  await page.goto('/account')
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Su cuenta' })).toBeVisible()
  await expect(page.getByLabel('Idioma de esta cuenta')).toHaveValue('es')

  // Another browser, preferring English, with no cookie: once signed in, Spanish.
  const other = await browser.newContext({ locale: 'en-US' })
  const second = await other.newPage()
  await second.goto('/login')
  await second.getByLabel('Email').fill(user.email)
  await second.getByLabel('Password').fill(user.password)
  await second.getByRole('button', { name: 'Log in' }).click()
  await expect(second.getByRole('button', { name: 'Cerrar sesión' }).first()).toBeAttached()
  await expect(second.locator('html')).toHaveAttribute('lang', 'es')
  await other.close()
})

test('public pages name their other-language versions (hreflang)', async ({ page }) => {
  for (const path of ['/', '/programs', '/login', '/signup']) {
    await page.goto(path)
    for (const lang of ['en', 'es', 'x-default'])
      await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveCount(1)
  }
  // Not on a program page that does not exist.
  await page.goto('/programs/no-such-program')
  await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0)
})

test('the switch refuses a post from another site', async ({ page }) => {
  const response = await page.request.post('/language', {
    form: { language: 'es', redirectTo: '/' },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(403)
})
