import { randomBytes } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, linkFromOutbox, logIn, test } from './fixtures.ts'

/*
 * Issue 10's "Done means", in one walk through the running app: a guest gives $50 monthly with
 * the fee covered through the sandbox checkout, sees "processing" then "received" and the receipt;
 * the funder funds an awarded grant from the fund and pays it; the donor sees where the gift went;
 * the admin refunds it and every total follows. It runs in the "deciding" project, after the
 * other specs, so no other gift or refund moves the fund's figures while it compares them.
 */

const FUND = '/funds/riverbend-health-equity-fund'
const FUND_ADMIN = '/orgs/riverbend-community-foundation/funds/riverbend-health-equity-fund'
const GRANTEE = 'Westgate Tenants Union'

/** Cents from a shown amount such as "$1,234.56" or "-$1.80". */
const cents = (text: string | null) => {
  const found = /(-?)\$([\d,]+\.\d\d)/.exec(text ?? '')
  if (!found) throw new Error(`no amount in "${text}"`)
  return (found[1] ? -1 : 1) * Math.round(Number(found[2]!.replace(/,/g, '')) * 100)
}

/** A figure of the funder's "Money in the fund" card, by its label, in cents. */
async function fundFigure(page: Page, label: string) {
  await page.goto(FUND_ADMIN)
  return cents(await page.locator(`dt:text-is("${label}") + dd`).textContent())
}

/** What the public goal bar says has been raised, in cents. */
async function raised(page: Page) {
  await page.goto(FUND)
  return cents(await page.getByText(/raised of a .+ goal/).textContent())
}

async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, email, DEMO_PASSWORD)
  return page
}

test('a monthly gift from the checkout to the grant it funded, and back out by a refund', async ({
  page,
  browser,
}) => {
  test.slow()
  const donor = `Walk Donor ${randomBytes(3).toString('hex')}`
  const email = `walk-${randomBytes(4).toString('hex')}@example.test`
  const officer = await signedIn(browser, 'officer@example.org')
  const refundedBefore = await fundFigure(officer, 'Refunded')
  const receivedBefore = await fundFigure(officer, 'Received (settled gifts)')

  // The guest gives $50 a month, fee covered, paying by a bank debit that clears a moment later.
  await page.goto(`${FUND}/give`)
  await page.getByRole('radio', { name: '$50.00' }).check()
  await page.getByRole('radio', { name: 'Every month' }).check()
  await page.getByLabel('Cover the processing fee').check()
  await page.getByRole('textbox', { name: 'Your name' }).fill(donor)
  await page.getByLabel('Your email').fill(email)
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await page.getByRole('button', { name: 'Pay by bank debit (clears in a few seconds)' }).click()
  await expect(page.getByRole('heading', { name: 'Your gift is processing' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Gift received' })).toBeVisible({
    timeout: 20_000,
  })

  // The receipt, from the thanks page.
  await page.getByRole('link', { name: 'View your receipt' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Donation receipt' })).toBeVisible()
  for (const shown of [
    'Riverbend Community Foundation, Inc.',
    '31-1234567',
    donor,
    '$51.80',
    'No goods or services were provided in exchange for this contribution.',
  ]) {
    await expect(page.getByText(shown, { exact: true }).first()).toBeVisible()
  }

  const raisedWithGift = await raised(page)
  expect(await fundFigure(officer, 'Received (settled gifts)')).toBe(receivedBefore + 51_80)

  // The funder funds Westgate's grant from the fund (the oldest open gifts first, the guest's
  // among them: the grant owes more than the fund holds), then pays its first instalment.
  await officer.goto('/orgs/riverbend-community-foundation/grants')
  await officer.getByRole('link', { name: GRANTEE }).click()
  await officer.getByRole('button', { name: 'Fund this grant from the fund' }).click()
  await expect(officer.getByText(/^The grant is funded/)).toBeVisible()
  const first = officer.getByRole('table', { name: 'Payment schedule' }).getByRole('row').nth(1)
  await first.getByText('Mark paid…').click()
  await first.getByLabel(/I confirm this payment was sent to the group/).check()
  await first.getByRole('button', { name: 'Mark paid' }).click()
  await expect(officer.getByText('The payment is marked paid; the group is told.')).toBeVisible()

  // The donor asks for a link to their gifts and sees the grant the gift funded.
  await page.goto('/gifts/lookup')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await page.goto(await linkFromOutbox(browser, email, 'Your link to your gifts'))
  await page.getByRole('button', { name: 'Show my gifts' }).click()
  const gift = page
    .getByRole('article')
    .filter({ hasText: '$50.00 a month to Riverbend Health Equity Fund' })
  await expect(gift.getByText(new RegExp(`^This gift funded: ${GRANTEE}`))).toBeVisible()

  // The admin refunds the whole gift; Stripe's webhook confirms it.
  const admin = await signedIn(browser, 'admin@example.org')
  await admin.goto('/admin/payments')
  const row = admin.getByRole('row').filter({ hasText: donor })
  await row.getByRole('button', { name: 'Refund' }).click()
  await expect(admin.getByText('Refund asked of Stripe')).toBeVisible()
  await expect(async () => {
    await admin.reload()
    await expect(row).toContainText('Refunded', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })

  // Every total follows: the fund's refunds, the goal bar, the donor's page.
  expect(await fundFigure(officer, 'Refunded')).toBe(refundedBefore + 51_80)
  expect(await fundFigure(officer, 'Received (settled gifts)')).toBe(receivedBefore + 51_80)
  // The goal bar loses the whole charge: Stripe keeps its $1.80 fee on a refund, the fund's loss.
  expect(await raised(page)).toBe(raisedWithGift - 51_80)
  await page.goto('/gifts')
  await expect(gift.getByText('This gift was refunded to you in full.')).toBeVisible()
  await expect(gift.getByText(/was refunded after it had funded grants/)).toBeVisible()
})
