import { expect, test } from '@playwright/test'

/** Requests an attacker sends by hand, against the built server: it must answer and live on. */
const INHERITED_NAMES = [
  'hasOwnProperty.call',
  'toString',
  'valueOf.x',
  '__proto__.x',
  'constructor.prototype.x',
  'email.x',
]

test('inherited property names never bring the server down', async ({ request }) => {
  for (const name of INHERITED_NAMES) {
    const out = await request.post('/login', {
      form: { email: 'someone@example.test', [name]: 'x', password: 'x' },
      maxRedirects: 0,
    })
    expect(out.status(), name).toBeLessThan(500)
  }
  expect((await request.get('/healthz')).status()).toBe(200)
  expect((await request.get('/login')).status()).toBe(200)
})

test('a form over 1 MB gets a 413 page saying why, and the server lives on', async ({
  request,
}) => {
  const out = await request.post('/login', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: `email=${'a'.repeat(2 * 1024 * 1024)}`,
  })
  expect(out.status()).toBe(413)
  // The server's own page: refused before Remix read a byte.
  expect(await out.text()).toContain('That form is larger than 1 MB, so it was not read.')
  const spanish = await request.post('/login', {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Accept-Language': 'es',
    },
    data: `email=${'a'.repeat(2 * 1024 * 1024)}`,
  })
  expect(spanish.status()).toBe(413)
  expect(await spanish.text()).toContain('Ese formulario pesa más de 1 MB')
  expect((await request.get('/healthz')).status()).toBe(200)
})

test('a JSON body posted to a form answers 400 in plain words', async ({ request }) => {
  const out = await request.post('/login', { data: { email: 'a@b.c' } })
  expect(out.status()).toBe(400)
  expect(await out.text()).toContain('only takes a form')
})
