import { PHONE, expect, expectAccessible, test } from './fixtures.ts'

test('on a phone, the bell, the language switch and each notice fit and stay readable', async ({
  page,
  user,
}) => {
  // A notice to show: the password change's security notice (the account form, posted).
  const changed = await page.request.post('/account', {
    form: {
      currentPassword: user.password,
      newPassword: 'a completely new passphrase',
      confirmPassword: 'a completely new passphrase',
    },
    maxRedirects: 0,
  })
  expect(changed.status(), await changed.text()).toBe(302)

  await page.setViewportSize(PHONE)
  await page.goto('/notifications')
  await expect(page.getByRole('link', { name: 'Notifications: 1 unread' })).toBeVisible()
  const notice = page
    .getByRole('list', { name: 'Your notifications, newest first' })
    .getByRole('listitem')
    .first()
  const message = notice.getByRole('link', { name: /Your password was changed/ })
  const time = notice.locator('time').first()
  const markRead = notice.getByRole('button', { name: 'Mark as read' })
  await expect(markRead).toBeVisible()

  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  )
  // The time and the button sit under the message, apart from each other, never run together.
  const [m, t, b] = await Promise.all([message, time, markRead].map((l) => l.boundingBox()))
  expect(t!.y).toBeGreaterThanOrEqual(m!.y + m!.height - 1)
  const apart = b!.x >= t!.x + t!.width + 8 || b!.y >= t!.y + t!.height
  expect(apart, `time ${JSON.stringify(t)} and button ${JSON.stringify(b)}`).toBe(true)

  // The language switch is legible on the header's colour (it was the brand green on green).
  const colours = await page.evaluate(() => {
    const button = document.querySelector('form.language-switch button')!
    const header = document.querySelector('header.site-header')!
    return [getComputedStyle(button).color, getComputedStyle(header).backgroundColor]
  })
  expect(colours[0]).not.toBe(colours[1])
  await expectAccessible(page)
})
