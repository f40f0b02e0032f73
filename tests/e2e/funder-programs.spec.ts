import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, expectAccessible, logIn } from './fixtures.ts'
import { test } from './signed-in.ts'

test('a funder creates a fund and a program, adjusts the rubric, adds a question and opens it', async ({
  page,
  browser,
}) => {
  // The whole set-up in one story, with an accessibility check on every page: slower than most.
  test.slow()
  const tag = randomBytes(3).toString('hex')
  const fundName = `E2E Health Fund ${tag}`
  const title = `E2E Healthy Blocks ${tag}`
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)

  await page.goto('/orgs/riverbend-community-foundation')
  await page
    .getByRole('navigation', { name: 'Organisation' })
    .getByRole('link', { name: 'Funds' })
    .click()
  await expect(page.getByRole('heading', { name: 'Funds' })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Create a fund' }).click()
  await expect(page).toHaveURL(/\/funds\/new$/)
  await expectAccessible(page)
  await page.getByLabel('Name').fill(fundName)
  await page
    .getByLabel('Public description (optional)', { exact: true })
    .fill('Resident-led health work along the river.')
  await page.getByRole('button', { name: 'Create fund' }).click()
  await expect(page.getByText(`${fundName} is set up.`)).toBeVisible()
  await expect(page.getByRole('heading', { name: fundName })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Create a program' }).click()
  await expect(page.getByRole('heading', { name: `Create a program in ${fundName}` })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page
    .getByLabel('Description (optional)', { exact: true })
    .fill('Grants for the conditions that shape health.')
  await page.getByLabel('Ohio', { exact: true }).check()
  await page.getByLabel('Neighborhood and built environment').check()
  await page.getByLabel('Time zone of these dates').selectOption('America/Chicago')
  await page.getByLabel('Closes').fill('2031-06-30T17:00')
  await page.getByLabel('Total budget (USD)').fill('100,000')
  await page.getByLabel('Minimum award (USD)').fill('30,000')
  await page.getByLabel('Maximum award (USD)').fill('20,000')
  await page.getByRole('button', { name: 'Create program' }).click()
  await expect(
    page.getByText('The minimum award cannot be more than the maximum award'),
  ).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Minimum award (USD)').fill('5,000')
  await page.getByRole('button', { name: 'Create program' }).click()
  await expect(page.getByText('The program is saved as a draft')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  await expect(page.getByText('Jun 30, 2031, 5:00 PM CDT')).toBeVisible()
  await expectAccessible(page)

  const programNav = page.getByRole('navigation', { name: 'Program' })
  await expect(programNav.getByRole('link', { name: 'Applications' })).toHaveAttribute(
    'href',
    /\/programs\/.+\/applications$/,
  )
  await programNav.getByRole('link', { name: 'Details' }).click()
  await expect(page.getByLabel('Closes')).toHaveValue('2031-06-30T17:00')
  await expect(page.getByLabel('Ohio', { exact: true })).toBeChecked()
  await expectAccessible(page)

  await programNav.getByRole('link', { name: 'Rubric' }).click()
  await expect(page.getByText('The rubric is complete.')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Add a criterion' }).click()
  await expect(page.getByRole('heading', { name: 'Edit “New criterion”' })).toBeVisible()
  await page.getByLabel('Label', { exact: true }).fill('Language access')
  await page.getByLabel('Equity criterion').check()
  const guidance = [
    'English only',
    'Some translation',
    'Bilingual staff',
    'Led in community languages',
  ]
  for (const [i, text] of guidance.entries()) {
    await page.getByLabel(`Guidance for a score of ${i + 1} out of 4`).fill(text)
  }
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save criterion' }).click()
  await expect(page.getByText('“Language access” saved.')).toBeVisible()
  await expect(page.getByText('“Language access” has no weight')).toBeVisible()

  await page.getByLabel('Weight of “Language access”').fill('20')
  await page.getByRole('button', { name: 'Save weights' }).click()
  await expect(
    page.getByText('The weights add up to 120; they must add up to exactly 100.'),
  ).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Weight of “Language access”').fill('10')
  await page.getByLabel('Weight of “Feasibility of the plan”').fill('5')
  await page.getByRole('button', { name: 'Save weights' }).click()
  await expect(page.getByText('Weights saved.')).toBeVisible()
  await expect(page.getByText('The rubric is complete.')).toBeVisible()
  await page.getByRole('button', { name: 'Move up “Language access”' }).click()
  await expect(page.getByText('Criterion moved.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 4, name: '5. Language access' })).toBeVisible()
  await expectAccessible(page)

  await programNav.getByRole('link', { name: 'Questions' }).click()
  await expect(page).toHaveURL(/\/questions$/)
  await expectAccessible(page)
  await page.getByLabel('Question', { exact: true }).fill('Tell us about your community')
  await page.getByLabel('Kind of answer').selectOption('long_text')
  await page.getByLabel('Word limit').fill('300')
  await page.getByRole('button', { name: 'Add question' }).click()
  await expect(page.getByText('Question added.')).toBeVisible()
  await expect(page.getByText('Long text · required · up to 300 words')).toBeVisible()
  // The blank form does not offer back the question just added: its backup went with the save.
  // Typing into it until that is backed up lets any offer have shown before looking for it.
  await expect(page.getByLabel('Question', { exact: true })).toHaveValue('')
  await expect(async () => {
    await page.getByLabel('Question', { exact: true }).fill('A second question')
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain('A second')
  }).toPass()
  await expect(page.getByText(/This browser kept changes/)).toHaveCount(0)
  await page.getByLabel('Question', { exact: true }).fill('')
  await expectAccessible(page)

  await programNav.getByRole('link', { name: 'Overview' }).click()
  await page.getByRole('button', { name: 'Open for applications' }).click()
  await expect(page.getByText('The program is now open.')).toBeVisible()
  await expect(page.getByText('and accepting applications')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Close now' })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: fundName }).click()
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Open')
  await expectAccessible(page)

  // Once open, the program is public and a demo group can start an application to it.
  const group = await browser.newContext()
  const groupPage = await group.newPage()
  await logIn(groupPage, 'maria@example.org', DEMO_PASSWORD)
  await groupPage.goto(`/programs?q=${encodeURIComponent(title)}`)
  await groupPage.getByRole('link', { name: title }).click()
  await expect(groupPage.getByRole('cell', { name: 'Language access', exact: true })).toBeVisible()
  await groupPage.getByRole('link', { name: `Apply to ${title}` }).click()
  await groupPage.getByRole('button', { name: 'Start or continue the application' }).click()
  // What the group told us before (profile, last application) is already filled in, so the
  // draft opens at the first step that still needs work.
  await expect(groupPage.getByRole('heading', { name: 'The project' })).toBeVisible()
  await expect(
    groupPage.getByRole('link', { name: 'Organisation and leadership (complete)' }),
  ).toBeVisible()
  await expect(groupPage.getByRole('link', { name: 'Community served (complete)' })).toBeVisible()
  await group.close()

  // Closing early asks for confirmation, saying what it stops; the dashboard then shows when it
  // closed, not the 2031 deadline it no longer has.
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('button', { name: 'Close now' }).click()
  await expect(
    page.getByText('Tick the box to confirm that you want to close the program now'),
  ).toBeVisible()
  await expect(page.getByText('and accepting applications')).toBeVisible()
  await page.getByLabel(/I understand that closing now stops new applications/).check()
  await page.getByRole('button', { name: 'Close now' }).click()
  await expect(page.getByText('The program is now closed.')).toBeVisible()
  await page.goto('/')
  const row = page.getByRole('row', { name: new RegExp(title) })
  await expect(row).toContainText('Closed')
  await expect(row).not.toContainText('2031')
})

const DEMO_PROGRAM = '/orgs/riverbend-community-foundation/programs/community-health-access-2027'

/** The table behind a chart, opened; `name` is the start of the chart's caption. */
async function chartTable(page: Page, name: string) {
  const figure = page.getByRole('figure', { name: new RegExp(`^${name}`) })
  // A table opened before a filter stays open: React keeps the element across navigations.
  if ((await figure.locator('details').getAttribute('open')) === null) {
    await figure.getByText('Table of these figures').click()
  }
  return figure.getByRole('table', { name })
}

test('a funder compares the demo program’s applications in charts, each with its table', async ({
  page,
}) => {
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)
  // Other tests submit and withdraw applications to this program, so only figures that no other
  // test changes are checked exactly: the budget, and the one group that works on economic
  // stability (Northfield: $20,000.00, two Ohio counties around the 58th SVI percentile).
  await page.goto(DEMO_PROGRAM)
  await expect(
    page.getByRole('img', { name: /^Applications by status: Submitted, \d+ · \$/ }),
  ).toBeVisible()
  const budget = await chartTable(page, 'Requested against the budget')
  await expect(budget.getByRole('row', { name: /Program budget/ })).toContainText('$250,000.00')
  await expectAccessible(page)

  await page.getByRole('link', { name: 'All applications' }).click()
  await expect(page.getByText(/These figures cover all \d+ applications submitted/)).toBeVisible()
  const areas = await chartTable(page, 'Applications by area addressed')
  await expect(areas.getByRole('row', { name: /Economic stability/ })).toHaveText(
    /Economic stability\s*1\s*\$20,000\.00/,
  )

  await page.getByLabel('Addresses').selectOption('economic_stability')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(
    page.getByText(
      'These figures cover every application that matches the filters (1 application)',
    ),
  ).toBeVisible()
  const rows = async (name: string) =>
    (await chartTable(page, name)).getByRole('row').allInnerTexts()
  const cells = (texts: string[]) => texts.map((t) => t.split('\t').map((c) => c.trim()))
  expect(cells(await rows('Applications by status'))).toEqual([
    ['Status', 'Applications', 'Requested'],
    ['Submitted', '1', '$20,000.00'],
    ['In review', '0', '$0.00'],
    ['Changes requested', '0', '$0.00'],
    ['Awarded', '0', '$0.00'],
    ['Declined', '0', '$0.00'],
    ['Withdrawn', '0', '$0.00'],
  ])
  expect(cells(await rows('Requested against the budget'))).toEqual([
    ['Figure', 'Amount', 'Share of the budget'],
    ['Program budget', '$250,000.00', '—'],
    ['Requested by these applications', '$20,000.00', '8%'],
    ['Requested, not withdrawn or declined', '$20,000.00', '8%'],
  ])
  expect(cells(await rows('Applications by area addressed'))).toEqual([
    ['Social determinant of health', 'Applications', 'Requested'],
    ['Economic stability', '1', '$20,000.00'],
    ['Education access and quality', '0', '$0.00'],
    ['Health care access and quality', '0', '$0.00'],
    ['Neighborhood and built environment', '1', '$20,000.00'],
    ['Social and community context', '0', '$0.00'],
  ])
  expect(cells(await rows('Applications by place vulnerability'))).toEqual([
    ['SVI percentile', 'Applications', 'Requested'],
    ['Under the 25th percentile', '0', '$0.00'],
    ['25th to under 50th', '0', '$0.00'],
    ['50th to under 75th', '1', '$20,000.00'],
    ['75th and over', '0', '$0.00'],
    ['No US county (no SVI)', '0', '$0.00'],
  ])
  await expect(
    page.getByRole('img', {
      name: /^Applications by place vulnerability: .*50th to under 75th, 1 · \$20,000\.00;/,
    }),
  ).toBeVisible()
  // With every table open, so axe checks them too.
  await expectAccessible(page)
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  // axe cannot run with JavaScript off; the same pages are checked with it on above.
  test('the charts are drawn by the server, their tables open without scripts', async ({
    page,
  }) => {
    await logIn(page, 'officer@example.org', DEMO_PASSWORD)
    await page.goto(`${DEMO_PROGRAM}/applications?sdoh=economic_stability`)
    await expect(
      page.getByRole('img', {
        name: /^Requested against the budget: Program budget, \$250,000\.00;/,
      }),
    ).toBeVisible()
    const table = await chartTable(page, 'Applications by area addressed')
    await expect(table.getByRole('row', { name: /Economic stability/ })).toHaveText(
      /Economic stability\s*1\s*\$20,000\.00/,
    )
  })

  test('the funder forms post plainly and keep what was typed', async ({ signedInPage: page }) => {
    const tag = randomBytes(3).toString('hex')
    await page.goto('/orgs/new?kind=funder')
    await page.getByLabel('Name').fill(`No Script Funder ${tag}`)
    await page.getByRole('button', { name: 'Create organisation' }).click()
    await page
      .getByRole('navigation', { name: 'Organisation' })
      .getByRole('link', { name: 'Funds' })
      .click()
    await page.getByRole('link', { name: 'Create a fund' }).click()
    await page.getByLabel('Name').fill(`Plain Fund ${tag}`)
    await page.getByLabel(/Private/).check()
    await page.getByRole('button', { name: 'Create fund' }).click()
    await expect(page.getByText(`Plain Fund ${tag} is set up.`)).toBeVisible()

    await page.getByRole('link', { name: 'Create a program' }).click()
    await page.getByLabel('Title', { exact: true }).fill(`Plain Program ${tag}`)
    await page.getByLabel('Texas', { exact: true }).check()
    await page.getByLabel('Eligible counties').fill('Harris County, Texas\nAtlantis')
    await page.getByLabel('Closes').fill('2031-01-15T12:00')
    await page.getByLabel('Total budget (USD)').fill('50000')
    await page.getByLabel('Minimum award (USD)').fill('1000')
    await page.getByLabel('Maximum award (USD)').fill('60000')
    await page.getByRole('button', { name: 'Create program' }).click()
    // One submission shows every problem: the cross-field one and the county lookup together.
    await expect(
      page.getByText('The maximum award cannot be more than the total budget'),
    ).toBeVisible()
    await expect(page.getByText('“Atlantis”: no US county of that name')).toBeVisible()
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(`Plain Program ${tag}`)
    await expect(page.getByLabel('Texas', { exact: true })).toBeChecked()
    await expect(page.getByLabel('Eligible counties')).toHaveValue('Harris County, Texas\nAtlantis')
    await page.getByLabel('Maximum award (USD)').fill('10000')
    await page.getByLabel('Eligible counties').fill('Harris County, Texas')
    await page.getByRole('button', { name: 'Create program' }).click()
    await expect(page.getByText('The program is saved as a draft')).toBeVisible()

    const programNav = page.getByRole('navigation', { name: 'Program' })
    await programNav.getByRole('link', { name: 'Rubric' }).click()
    await page.getByLabel('Weight of “Community leadership”').fill('40')
    await page.getByRole('button', { name: 'Save weights' }).click()
    await expect(page.getByText('The weights add up to 115')).toBeVisible()
    await programNav.getByRole('link', { name: 'Overview' }).click()
    await page.getByRole('button', { name: 'Open for applications' }).click()
    await expect(page.getByText('The program is now open.')).toBeVisible()
  })
})

test('a funder’s unsaved program edits are kept by the browser and offered back after a reload', async ({
  page,
}) => {
  // Several full page loads with hydration, checked at two widths: over 30 s on a busy machine.
  test.slow()
  const tag = randomBytes(3).toString('hex')
  const title = `E2E Draft Backup ${tag}`
  const description = `Typed on the details page but never saved ${tag}`
  const backups = (prefix: string) =>
    page.evaluate(
      (p) => Object.keys(localStorage).filter((k) => k.startsWith(`commons-draft:${p}`)),
      prefix,
    )
  await logIn(page, 'officer@example.org', DEMO_PASSWORD)

  const newProgram =
    '/orgs/riverbend-community-foundation/funds/riverbend-health-equity-fund/programs/new'
  await page.goto(newProgram)
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Total budget (USD)').fill('10,000')
  await page.getByLabel('Maximum award (USD)').fill('5,000')
  await page.getByRole('button', { name: 'Create program' }).click()
  await expect(page.getByText('The program is saved as a draft')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  // The server has the new program, so the browser lets go of what it kept of the form.
  await expect.poll(() => backups('program-new:')).toEqual([])

  await page
    .getByRole('navigation', { name: 'Program' })
    .getByRole('link', { name: 'Details' })
    .click()
  const field = page.getByLabel('Description (optional)', { exact: true })
  await expect(field).toHaveValue('')
  // Typing before the page is interactive is not seen by the backup, so type until it is.
  await expect(async () => {
    await field.fill(description)
    await page.getByLabel('Neighborhood and built environment').check()
    expect(await backups('program:')).toHaveLength(1)
  }).toPass()
  const detailsUrl = page.url()

  await page.reload()
  await expect(field).toHaveValue('')
  await expect(page.getByText(/This browser kept changes/)).toBeVisible()
  await expect(page.getByText('A newer version was saved after that.')).toHaveCount(0)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Restore my changes' }).click()
  await expect(field).toHaveValue(description)
  await expect(page.getByLabel('Neighborhood and built environment')).toBeChecked()
  await expect(page.getByText(/This browser kept changes/)).toHaveCount(0)
  await page.getByRole('button', { name: 'Save details' }).click()
  // Wait for the save to land before leaving, or the navigation below aborts it.
  await expect(page.getByText('Details saved.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  await expect.poll(() => backups('program:')).toEqual([])

  await page.goto(detailsUrl)
  await expect(field).toHaveValue(description)
  await expect(page.getByLabel('Neighborhood and built environment')).toBeChecked()
  await expect(page.getByText(/This browser kept changes/)).toHaveCount(0)
})
