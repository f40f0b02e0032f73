import { Link, Text } from '@react-email/components'
import { render } from '@react-email/render'
import { describe, expect, it } from 'vitest'
import { appOrigin } from '#app/config/env.server.ts'
import { LANGUAGES } from '#app/lib/i18n/config.ts'
import { mailContext, renderMail } from '#app/services/mail/mail.server.ts'
import { MailLayout } from '#app/services/mail/templates/layout.tsx'
import { MAIL_TEMPLATES, type MailKind } from '#app/services/mail/templates/index.ts'
import { mailProblems, textLinks } from '#tests/support/mail-check.ts'

const kinds = Object.keys(MAIL_TEMPLATES) as MailKind[]

describe('every mail template, in both languages', () => {
  for (const kind of kinds) {
    for (const language of LANGUAGES) {
      it(`${kind} (${language}) has both parts, links on our origin, nothing unfilled`, async () => {
        const template = MAIL_TEMPLATES[kind]
        const mail = await renderMail(kind, language, template.example as never)
        expect(mailProblems(mail, appOrigin(), template.optional)).toEqual([])
        expect(mail.html).toContain(`lang="${language}"`)
      })
    }
  }

  it('writes each language in its own words (the Spanish subject is not the English one)', async () => {
    for (const kind of kinds) {
      const example = MAIL_TEMPLATES[kind].example as never
      const [en, es] = await Promise.all([
        renderMail(kind, 'en', example),
        renderMail(kind, 'es', example),
      ])
      expect(es.subject).not.toEqual(en.subject)
      expect(es.text).not.toEqual(en.text)
    }
  })

  it('puts the values in (the recipient’s name, the address)', async () => {
    const mail = await renderMail('email-changed-notice', 'es', {
      name: 'Rosa Díaz',
      newEmail: 'rosa@example.org',
    })
    expect(mail.text).toContain('Rosa Díaz')
    expect(mail.text).toContain('rosa@example.org')
    expect(mail.subject).toBe('Se cambió el correo electrónico de su cuenta')
  })
})

describe('the deadline reminder', () => {
  // Intl separates "5:00" and "PM" with a narrow no-break space; read it as a space.
  const words = (text: string) => text.replace(/\s+/g, ' ')
  const example = MAIL_TEMPLATES['deadline-reminder'].example

  it('names the closing day and time in the program’s zone, in the reader’s words', async () => {
    const en = await renderMail('deadline-reminder', 'en', example)
    expect(en.subject).toBe(
      'Community Health Access 2027 closes on Friday, December 4: your application is still a draft',
    )
    expect(words(en.text)).toContain(
      "Community Health Access 2027 closes on Friday, December 4 at 5:00 PM (America/Chicago), and your group's application is still a draft.",
    )
    const es = await renderMail('deadline-reminder', 'es', example)
    expect(es.subject).toBe(
      'Acceso comunitario a la salud 2027 cierra el viernes, 4 de diciembre: su solicitud sigue en borrador',
    )
    expect(words(es.text)).toContain(
      'Acceso comunitario a la salud 2027 cierra el viernes, 4 de diciembre, 5:00 p.m. (America/Chicago) y la solicitud de su grupo sigue en borrador.',
    )
  })

  it('reads in the zone the program was set in, not the server’s', async () => {
    // Saturday 03:30 UTC is still Friday evening in Chicago.
    const mail = await renderMail('deadline-reminder', 'en', {
      ...example,
      closesAt: '2026-12-05T03:30:00.000Z',
    })
    expect(mail.subject).toContain('closes on Friday, December 4:')
    expect(words(mail.text)).toContain('closes on Friday, December 4 at 9:30 PM (America/Chicago)')
  })

  it('says "soon" for a reminder stored before the closing time was', async () => {
    const older = Object.fromEntries(
      Object.entries(example).filter(([name]) => name !== 'closesAt' && name !== 'timeZone'),
    )
    const mail = await renderMail('deadline-reminder', 'en', { ...older, days: 6 })
    expect(mail.subject).toBe(
      'Community Health Access 2027 closes soon: your application is still a draft',
    )
    expect(words(mail.text)).toContain('closes soon, and your group')
  })
})

describe('the template check itself', () => {
  const origin = appOrigin()
  const renderBoth = async (element: React.ReactElement) => ({
    subject: 'A subject',
    html: await render(element),
    text: await render(element, { plainText: true }),
  })

  it('passes a good optional mail with the preferences link', async () => {
    const context = mailContext('en')
    const mail = await renderBoth(
      <MailLayout context={context} preview="p" optional>
        <Text>Something happened in your organisation, see the details.</Text>
        <Link href={context.url('/notifications')}>See it</Link>
      </MailLayout>,
    )
    expect(textLinks(mail.text)).toContain(`${origin}/account/notifications`)
    expect(mailProblems(mail, origin, true)).toEqual([])
  })

  it('finds a relative link, a link elsewhere, a placeholder and a missing preferences link', async () => {
    const context = mailContext('en')
    const mail = await renderBoth(
      <MailLayout context={context} preview="p" optional={false}>
        <Text>Hello {'{{name}}'}, this mail has problems to find.</Text>
        <Link href="/applications/1">Relative</Link>
        <Link href="https://elsewhere.example/x">Elsewhere</Link>
      </MailLayout>,
    )
    const problems = mailProblems(mail, origin, true)
    expect(problems).toContain('link not absolute on ' + origin + ': /applications/1')
    expect(problems).toContain('link not absolute on ' + origin + ': https://elsewhere.example/x')
    expect(problems).toContain('html has "{{" unfilled')
    expect(problems).toContain('optional mail without the preferences link')
  })

  it('finds a required mail that offers to turn it off', async () => {
    const context = mailContext('en')
    const mail = await renderBoth(
      <MailLayout context={context} preview="p" optional>
        <Link href={context.url('/x')}>Go there and do the thing</Link>
      </MailLayout>,
    )
    expect(mailProblems(mail, origin, false)).toEqual(['required mail offers the preferences link'])
  })
})
