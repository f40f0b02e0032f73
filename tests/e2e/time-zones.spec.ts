import { expect, expectAccessible } from './fixtures.ts'
import { test } from './signed-in.ts'

test.use({ timezoneId: 'America/Chicago' })

test('times show in the viewer’s own zone, and the server renders them so from then on', async ({
  signedInPage: page,
}) => {
  await page.goto('/account')
  const sessions = page.getByRole('table', { name: /sessions/i })
  await expect(sessions.getByText(/C[SD]T$/).first()).toBeVisible()
  await expectAccessible(page)
  const cookies = await page.context().cookies()
  expect(cookies.find((c) => c.name === 'tz')?.value).toBe('America%2FChicago')
  // Without running any script: the HTML itself now carries the viewer's zone.
  const html = await (await page.request.get('/account')).text()
  expect(html).toMatch(/\d{1,2}:\d{2} [AP]M C[SD]T/)
})
