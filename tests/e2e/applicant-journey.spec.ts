import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, expectAccessible, logIn, newUser } from './fixtures.ts'
import { test } from './signed-in.ts'

const PROGRAM = 'community-health-access-2027'

async function createGroup(page: Page) {
  const name = `Lakeside Health Circle ${randomBytes(3).toString('hex')}`
  await page.goto('/orgs/new?kind=community_group')
  await page.getByLabel('Name').fill(name)
  await page
    .getByLabel('Who leads the organisation')
    .fill('Neighbours who have lived without health cover')
  await page.getByRole('button', { name: 'Create organisation' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  return name
}

async function startApplication(page: Page) {
  await page.goto(`/programs/${PROGRAM}/apply`)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Start or continue the application' }).click()
  await expect(page.getByRole('heading', { name: 'Organisation and leadership' })).toBeVisible()
  return page.url().match(/applications\/([0-9a-f-]{36})/)?.[1] ?? ''
}

const saveAndContinue = (page: Page) =>
  page.getByRole('button', { name: 'Save and continue' }).click()

test('a group applies, leaves halfway and comes back, submits, the funder sees it, and the group withdraws it', async ({
  page,
  user,
  browser,
}) => {
  // The whole journey in one test: six steps, a refusal, a submission, two other users.
  test.slow()
  const title = `Health cover navigators ${randomBytes(3).toString('hex')}`
  const group = await createGroup(page)
  const id = await startApplication(page)
  expect(id).not.toBe('')

  // Organisation: pre-filled from the profile.
  await expect(page.getByLabel('Who leads your organisation?')).toHaveValue(
    'Neighbours who have lived without health cover',
  )
  await expect(page.getByLabel('Contact person')).toHaveValue(user.name)
  await page.getByLabel('Do your leaders share').selectOption('yes')
  await expectAccessible(page)
  await saveAndContinue(page)

  // Community: a county from the SVI table, chosen with the type-ahead.
  await expect(page.getByRole('heading', { name: 'Community served' })).toBeVisible()
  await page
    .getByLabel('Whom does the project serve?')
    .fill('Uninsured families around Lakeside, Columbus.')
  // Keyboard only: type, arrow to the suggestion, Enter.
  const counties = page.getByRole('combobox', { name: 'US counties served' })
  // A search that finds nothing says so on screen, not only to screen readers.
  await counties.fill('Zzyzx')
  await expect(
    page.locator('p:not(.visually-hidden)', { hasText: 'No counties match.' }),
  ).toBeVisible()
  await counties.fill('Franklin')
  await expect(page.getByRole('option', { name: /Franklin County, Ohio/ })).toBeVisible()
  await counties.press('ArrowDown')
  await counties.press('Enter')
  await expect(page.getByRole('button', { name: /Remove Franklin County, Ohio/ })).toBeVisible()
  await expectAccessible(page)
  await saveAndContinue(page)

  // Leave halfway: go elsewhere, then come back through the group's applications.
  await expect(page.getByRole('heading', { name: 'The project' })).toBeVisible()
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Lakeside/ })
    .click()
  await page.getByRole('link', { name: 'Applications' }).click()
  await expect(page).toHaveURL(/\/applications$/)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Untitled draft' }).click()
  await page.getByRole('link', { name: /Community served/ }).click()
  await expect(page.getByRole('button', { name: /Remove Franklin County, Ohio/ })).toBeVisible()
  await expect(page.getByText(/population-weighted Social Vulnerability Index/)).toBeVisible()
  await page.getByRole('link', { name: /The project/ }).click()

  await page.getByLabel('Project title').fill(title)
  await page
    .getByLabel(/What will you do/)
    .fill('Two trained neighbours help 150 uninsured families enrol in coverage and find a clinic.')
  // The live count settles once typing pauses.
  await expect(page.getByText('14 of 500 words')).toBeVisible()
  await page.getByLabel('Health care access and quality').check()
  await saveAndContinue(page)

  // Budget whose lines do not add up: the live check says so, the save keeps it but stays here.
  await page.getByLabel('Amount requested (USD)').fill('10,000')
  await page.getByLabel('What it pays for').first().fill('Navigator stipends')
  await page.getByLabel('Amount (optional)', { exact: true }).first().fill('6000')
  await page.getByLabel('What it pays for').nth(1).fill('Outreach materials')
  await page.getByLabel('Amount (optional)', { exact: true }).nth(1).fill('3000')
  await expect(
    page.getByText(/Lines add up to \$9,000\.00; you request \$10,000\.00/),
  ).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'do not add up' })).toBeVisible()
  await expectAccessible(page)
  await saveAndContinue(page)
  await expect(page.getByText('Saved, but this step still needs attention')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Budget' })).toBeVisible()
  await expect(page.getByLabel('Amount (optional)', { exact: true }).nth(1)).toHaveValue('3000')
  await page.getByLabel('Amount (optional)', { exact: true }).nth(1).fill('4000')
  await expect(page.getByRole('status').filter({ hasText: 'adds up' })).toBeVisible()
  await saveAndContinue(page)

  await expect(page.getByRole('heading', { name: 'Volunteer skills' })).toBeVisible()
  await expectAccessible(page)
  await saveAndContinue(page)

  await expect(page.getByRole('heading', { name: 'Program questions' })).toBeVisible()
  await page
    .getByLabel('How will the people you serve shape this work?')
    .fill('Families we serve choose the navigators and review our progress every month.')
  await expectAccessible(page)
  await saveAndContinue(page)

  await expect(page.getByRole('heading', { name: 'Before you submit' })).toBeVisible()
  await expectAccessible(page)
  await expect(page.getByText('Everything the program asks for is here.')).toBeVisible()
  await page.getByRole('button', { name: 'Submit application' }).click()
  await expect(
    page.getByText('Tick the box to confirm that your application is ready to send'),
  ).toBeVisible()
  await page.getByLabel(/I understand that once submitted/).check()
  await page.getByRole('button', { name: 'Submit application' }).click()

  await expect(page.getByRole('heading', { name: 'Status: Submitted' })).toBeVisible()
  await expect(page.getByText(/Submitted by/)).toBeVisible()
  await expectAccessible(page)

  // The group hears of it under the bell (a link that names the count), and marks it read.
  await page.getByRole('link', { name: /^Notifications: \d+ unread$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expect(page.getByText(`${group} submitted its application to`)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(page.getByRole('link', { name: 'Notifications: none unread' })).toBeVisible()
  await page.goto(`/applications/${id}`)

  // Someone from another group cannot open it.
  const stranger = await browser.newContext()
  const strangerPage = await stranger.newPage()
  const other = newUser()
  await strangerPage.request.post('/signup', {
    form: { name: other.name, email: other.email, password: other.password },
    maxRedirects: 0,
  })
  expect((await strangerPage.goto(`/applications/${id}`))?.status()).toBe(404)
  await stranger.close()

  // The funder sees it in the program's list.
  const funder = await browser.newContext()
  const funderPage = await funder.newPage()
  await logIn(funderPage, 'officer@example.org', DEMO_PASSWORD)
  await funderPage.goto(`/orgs/riverbend-community-foundation/programs/${PROGRAM}/applications`)
  await expect(funderPage.getByRole('link', { name: title })).toBeVisible()
  await expectAccessible(funderPage)
  await funderPage.getByRole('link', { name: title }).click()
  await expect(funderPage.getByRole('heading', { name: 'Status: Submitted' })).toBeVisible()
  await expect(funderPage.getByRole('button', { name: 'Withdraw application' })).toHaveCount(0)

  // Until a decision the group may withdraw it; the funder then sees it withdrawn.
  await page.getByLabel('Why are you withdrawing?').fill('We found funding closer to home.')
  await page.getByRole('button', { name: 'Withdraw application' }).click()
  await expect(page.getByText('Tick the box to confirm that you want to withdraw')).toBeVisible()
  await page.getByLabel(/I understand that withdrawing cannot be undone/).check()
  await page.getByRole('button', { name: 'Withdraw application' }).click()
  await expect(page.getByRole('heading', { name: 'Status: Withdrawn' })).toBeVisible()
  await expect(page.getByText('“We found funding closer to home.”')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Withdraw application' })).toHaveCount(0)
  await expectAccessible(page)
  await funderPage.reload()
  await expect(funderPage.getByRole('heading', { name: 'Status: Withdrawn' })).toBeVisible()
  // The program's officer was told of the submission, with a link to the application.
  await funderPage.goto('/notifications')
  await expect(funderPage.getByRole('link', { name: `${group} applied to` })).toBeVisible()
  await funder.close()
})

test('a newcomer goes from a program page to a first draft without losing the way', async ({
  page,
}) => {
  const newcomer = newUser()
  await page.goto(`/programs/${PROGRAM}`)
  await page
    .getByRole('link', { name: /^Apply/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible()
  await expect(page.getByText(/^Log in or create an account to apply to \S/)).toBeVisible()
  await page.getByRole('link', { name: 'Create an account' }).click()
  await page.getByLabel('Your name').fill(newcomer.name)
  await page.getByLabel('Email').fill(newcomer.email)
  await page.getByLabel('Password').fill(newcomer.password)
  await page.getByRole('button', { name: 'Sign up' }).click()

  await expect(page).toHaveURL(new RegExp(`/programs/${PROGRAM}/apply$`))
  await page.getByRole('link', { name: 'Set up a community group' }).click()
  await page.getByLabel('Name').fill(`Riverside Neighbours ${randomBytes(3).toString('hex')}`)
  await page.getByRole('button', { name: 'Create organisation' }).click()
  await expect(page).toHaveURL(new RegExp(`/programs/${PROGRAM}/apply$`))
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Start or continue the application' }).click()
  await expect(page.getByRole('heading', { name: 'Organisation and leadership' })).toBeVisible()
})

test('unsaved edits are kept by the browser and offered back after a reload', async ({
  signedInPage: page,
}) => {
  await createGroup(page)
  const id = await startApplication(page)
  await page.goto(`/applications/${id}/project`)
  await page.getByLabel('Project title').fill('Typed but never saved')
  // The browser keeps typed text a moment after the last keystroke; wait until it has it.
  await page.waitForFunction(
    (text) => JSON.stringify({ ...localStorage }).includes(text),
    'Typed but never saved',
  )
  await page.reload()
  await expect(page.getByLabel('Project title')).toHaveValue('')
  await expect(page.getByText(/This browser kept changes/)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Restore my changes' }).click()
  await expect(page.getByLabel('Project title')).toHaveValue('Typed but never saved')
  await saveAndContinue(page)
  // Wait for the save to land before leaving, or the navigation below aborts it.
  await expect(page.getByRole('heading', { name: 'Budget' })).toBeVisible()
  await page.goto(`/applications/${id}/project`)
  await expect(page.getByLabel('Project title')).toHaveValue('Typed but never saved')
  await expect(page.getByText(/This browser kept changes/)).toHaveCount(0)

  // Logging out leaves nothing typed behind for the next person at this computer.
  await page.getByLabel('Project title').fill('Left on a shared computer')
  const stored = () => JSON.stringify({ ...localStorage }).includes('Left on a shared computer')
  await page.waitForFunction(stored)
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }),
  ).toBeVisible()
  expect(await page.evaluate(stored)).toBe(false)
})

test('files attach to a question, download back, and bad files are refused by the field', async ({
  signedInPage: page,
}) => {
  // Six uploads, one of them over an emulated slow connection (about 4 s), and two checks:
  // on a loaded machine this ran past the default time while every step was still progressing.
  test.slow()
  await createGroup(page)
  const id = await startApplication(page)
  await page.goto(`/applications/${id}/questions`)
  // Nothing chosen: said beside the field, not silently ignored.
  await page.getByRole('button', { name: 'Upload Letter of support' }).click()
  await expect(page.getByRole('alert')).toContainText('Choose a file to upload.')
  const letter = page.getByLabel('Add a file for “Letter of support”')
  await letter.setInputFiles({
    name: 'support-letter.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 a letter of support'),
  })
  await page.getByRole('button', { name: 'Upload Letter of support' }).click()
  await expect(page.getByText('Uploaded support-letter.pdf.')).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'support-letter.pdf' }).click()
  expect((await download).suggestedFilename()).toBe('support-letter.pdf')

  await page.getByLabel('Add a supporting document').setInputFiles({
    name: 'notes.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  })
  await page.getByRole('button', { name: 'Upload supporting document' }).click()
  await expect(page.getByRole('alert')).toContainText('not a file type we accept')
  await expectAccessible(page)

  // Too large: refused at once, before a byte is sent.
  const uploads: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/attachments')) uploads.push(r.url())
  })
  await page.getByLabel('Add a supporting document').setInputFiles({
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
  })
  await page.getByRole('button', { name: 'Upload supporting document' }).click()
  await expect(page.getByRole('alert')).toContainText('“scan.pdf” is larger than 10 MB.')
  expect(uploads).toEqual([])

  // On a slow connection the upload shows how far it has got.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  })
  await page.getByLabel('Add a supporting document').setInputFiles({
    name: 'budget-sheet.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.alloc(1024 * 1024, 0x20)]),
  })
  await page.getByRole('button', { name: 'Upload supporting document' }).click()
  await expect(page.getByRole('progressbar', { name: /Uploading budget-sheet\.pdf/ })).toBeVisible()
  await expectAccessible(page)
  await expect(page.getByText('Uploaded budget-sheet.pdf.')).toBeVisible({ timeout: 20_000 })
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })

  await page.getByRole('button', { name: 'Remove support-letter.pdf' }).click()
  await expect(page.getByText('File removed.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'support-letter.pdf' })).toHaveCount(0)

  // Signed out meanwhile (another tab, an expired session): the upload says so.
  await page.context().clearCookies()
  await page.getByLabel('Add a supporting document').setInputFiles({
    name: 'late.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 late'),
  })
  await page.getByRole('button', { name: 'Upload supporting document' }).click()
  await expect(page.getByRole('alert')).toContainText('You were signed out')
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('a file still uploads by a plain form post, and a bad one is refused at the field', async ({
    signedInPage: page,
  }) => {
    await createGroup(page)
    await page.goto(`/programs/${PROGRAM}/apply`)
    await page.getByRole('button', { name: 'Start or continue the application' }).click()
    const id = page.url().match(/applications\/([0-9a-f-]{36})/)?.[1] ?? ''
    await page.goto(`/applications/${id}/questions`)
    await page.getByRole('button', { name: 'Upload supporting document' }).click()
    await expect(page.getByRole('alert')).toContainText('Choose a file to upload.')
    const supporting = page.getByLabel('Add a supporting document')
    await supporting.setInputFiles({
      name: 'notes.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    })
    await page.getByRole('button', { name: 'Upload supporting document' }).click()
    await expect(page.getByRole('alert')).toContainText('not a file type we accept')
    await supporting.setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 our plan'),
    })
    await page.getByRole('button', { name: 'Upload supporting document' }).click()
    await expect(page.getByText('Uploaded plan.pdf.')).toBeVisible()
    await expect(page.getByRole('link', { name: 'plan.pdf' })).toBeVisible()
    // The earlier refusal is gone: errors travel in the flash, never in the address.
    expect(new URL(page.url()).search).toBe('')
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})
