import { randomBytes } from 'node:crypto'
import { DEMO_PASSWORD, expect, logIn, test } from './fixtures.ts'

test('a new user becomes a volunteer from the dashboard, fixes what the form refuses and sees the profile', async ({
  page,
  user,
}) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Become a volunteer' }).click()
  await expect(page.getByRole('heading', { name: 'Become a volunteer' })).toBeVisible()
  await page.getByLabel('Headline').fill('Nonprofit bookkeeper, ten years')
  // What is typed survives a reload in this browser until it is saved.
  await page.waitForFunction(() =>
    JSON.stringify({ ...localStorage }).includes('Nonprofit bookkeeper, ten years'),
  )
  await page.reload()
  await page.getByRole('button', { name: 'Restore my changes' }).click()
  await expect(page.getByLabel('Headline')).toHaveValue('Nonprofit bookkeeper, ten years')
  await page.getByLabel('Hours a month you can give').fill('300')
  await page.getByRole('button', { name: 'Create my volunteer profile' }).click()
  // Checked in the browser, beside each field; what was typed stays.
  await expect(page.getByText('Choose a level for at least one skill.')).toBeVisible()
  await expect(page.getByText('Choose at least one language.')).toBeVisible()
  await expect(page.getByText('Enter whole hours from 1 to 200.')).toBeVisible()
  await expect(page.getByLabel('Headline')).toHaveValue('Nonprofit bookkeeper, ten years')

  await page.getByLabel('Finance and accounting').selectOption({ label: 'Expert' })
  await page.getByLabel('Grant writing').selectOption({ label: 'Some experience' })
  await page.getByRole('checkbox', { name: 'English' }).check()
  await page.getByRole('checkbox', { name: 'Spanish' }).check()
  await page.getByLabel('Time zone').selectOption({ label: 'Central time (Chicago)' })
  await page.getByLabel('Hours a month you can give').fill('10')
  const first = page.getByRole('group', { name: 'Window 1' })
  await first.getByLabel('Day').selectOption({ label: 'Tuesday' })
  await first.getByLabel('From').fill('18:00')
  await first.getByLabel('Until').fill('20:30')
  await page.getByRole('button', { name: 'Create my volunteer profile' }).click()

  await expect(page.getByText('Your volunteer profile is ready.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: user.name })).toBeVisible()
  await expect(page.getByText('Finance and accounting: Expert')).toBeVisible()
  await expect(page.getByText('Tuesday, 18:00–20:30')).toBeVisible()
  // Contact details are not part of the profile (the banner asking to confirm it is the viewer's).
  const profile = page.locator('section.card', {
    has: page.getByRole('heading', { name: 'Skills' }),
  })
  await expect(profile).toContainText('Central time (Chicago)')
  await expect(profile.getByText(user.email)).toHaveCount(0)

  await page.goto('/')
  await expect(
    page.getByText('Your volunteer profile: Nonprofit bookkeeper, ten years'),
  ).toBeVisible()
})

test('the demo group posts a request from a catalogue template, opens it, and finds it in its list', async ({
  page,
}) => {
  // Its own title, so repeated runs on one server each find the request they posted.
  const title = `Proposal for the county health fund ${randomBytes(3).toString('hex')}`
  await logIn(page, 'maria@example.org', DEMO_PASSWORD)
  await page.goto('/orgs/eastside-health-collective')
  await page.getByRole('link', { name: 'Volunteer requests' }).click()
  await expect(page.getByRole('heading', { name: 'Requests for skilled volunteers' })).toBeVisible()
  await page.getByRole('link', { name: 'Post a request' }).first().click()

  await expect(page.getByRole('heading', { name: 'What kind of help do you need?' })).toBeVisible()
  await expect(page.getByText('About 25 volunteer hours').first()).toBeVisible()
  await page.getByRole('link', { name: 'Start from “Grant proposal draft”' }).click()

  // The template fills the form; every part can be changed.
  await expect(page.getByRole('heading', { name: 'Scope your request' })).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue('Grant proposal draft')
  await expect(page.getByLabel('Skill needed')).toHaveValue('grant_writing')
  await expect(page.getByLabel('Volunteer hours (estimate)')).toHaveValue('25')
  await expect(page.getByLabel(/^Deliverable/)).toHaveValue(/A full draft of one proposal/)
  await page.getByLabel('Title').fill(title)
  await page
    .getByRole('group', { name: 'Languages the volunteer must work in' })
    .getByRole('checkbox', { name: 'Spanish' })
    .check()
  await page.getByLabel(/The work involves vulnerable people in person/).check()
  await page.getByLabel(/Require a background check/).check()
  await page.getByRole('button', { name: 'Open to volunteers' }).click()

  await expect(page.getByText('The request is open to volunteers.')).toBeVisible()
  const row = page.getByRole('row', { name: new RegExp(title) })
  await expect(row).toContainText('Grant writing')
  await expect(row).toContainText('Open')
  await row.getByRole('link', { name: title }).click()
  await expect(page.getByLabel(/Require a background check/)).toBeChecked()
})
