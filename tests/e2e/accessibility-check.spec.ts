import { expect, expectAccessible, test } from './fixtures.ts'

// The check every other spec relies on must be able to fail: a page with known faults is refused,
// and the faults that show only at a phone's width are found too.
test('the accessibility check finds faults at desktop and at phone width', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Faults</title>
    <style>.narrow { display: none }
      @media (max-width: 500px) { .wide { display: none } .narrow { display: block } }</style></head>
    <body><main><h1>Faults</h1><img class="wide" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <input class="narrow" type="text"></main></body></html>`)
  const failure = await expectAccessible(page).then(
    () => 'no fault found',
    (error: Error) => error.message,
  )
  // The image is seen only at desktop width, the unlabelled field only at a phone's.
  expect(failure).toMatch(/desktop[^\]]*image-alt/)
  expect(failure).not.toMatch(/desktop[^\]]*label \(/)
  expect(failure).toMatch(/phone[^\]]*label \(/)
  expect(failure).not.toMatch(/phone[^\]]*image-alt/)
})
