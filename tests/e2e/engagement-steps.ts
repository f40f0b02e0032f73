import { randomBytes } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, logIn } from './fixtures.ts'

/**
 * Steps the engagement walks share: a group member invites the volunteer whose profile is open,
 * and the demo volunteer (Sam Lee) accepts in a browser of their own.
 */

/** On a volunteer's profile: invites them to the request of that option, with a note. */
export async function inviteFromProfile(page: Page, request: string, note: string) {
  const invitation = page.locator('section.card', {
    has: page.getByRole('heading', { name: 'Invite to a request' }),
  })
  await invitation.getByLabel('Request').selectOption({ label: request })
  await invitation.getByLabel('A note to the volunteer').fill(note)
  await invitation.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText('Invitation sent.')).toBeVisible()
}

/**
 * The demo volunteer, signed in apart, sees the group's note on the engagement and accepts with a
 * reply. Returns their page; the caller closes its context.
 */
export async function acceptAsDemoVolunteer(
  browser: Browser,
  engagementUrl: string,
  note: string,
  reply: string,
) {
  const context = await browser.newContext()
  const volunteer = await context.newPage()
  await logIn(volunteer, 'volunteer@example.org', DEMO_PASSWORD)
  await volunteer.goto(engagementUrl)
  await expect(volunteer.getByText(note)).toBeVisible()
  await volunteer.getByRole('textbox', { name: /^Message/ }).fill(reply)
  await volunteer.getByRole('button', { name: 'Accept' }).click()
  await expect(volunteer.getByText('Accepted.')).toBeVisible()
  return volunteer
}

/**
 * A past day (2 to 301 days ago, at random) for one run's logged hours: runs repeated on one
 * server do not pile their hours onto one day, where more than 24 would be refused.
 */
export function aPastDayOfItsOwn() {
  const daysAgo = 2 + (randomBytes(2).readUInt16BE(0) % 300)
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
}
