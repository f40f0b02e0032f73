import type { RenderedMail } from '#app/services/mail/mail.server.ts'

export const PREFERENCES_PATH = '/account/notifications'

/** The href of every link in a mail's HTML part (entities decoded). */
export const htmlLinks = (html: string) =>
  [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)].map((m) => m[1]!.replaceAll('&amp;', '&'))

/** Every URL written out in a mail's text part. */
export const textLinks = (text: string) =>
  [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s\])>]+/gi)].map((m) => m[0])

/**
 * What every mail must pass (issue 8): a subject, an HTML and a text part; every link absolute and
 * on our origin, in both parts; nothing left unfilled (an i18next placeholder, a key shown as
 * itself, an "undefined"); the preferences link where the mail is optional and only there.
 * Answers the problems found, none when the mail is fine.
 */
export function mailProblems(mail: RenderedMail, origin: string, optional: boolean): string[] {
  const problems: string[] = []
  if (!mail.subject.trim()) problems.push('no subject')
  if (!/<html[\s>]/i.test(mail.html) || !/<body[\s>]/i.test(mail.html))
    problems.push('no HTML part')
  if (mail.text.trim().length < 20) problems.push('no text part')
  const html = htmlLinks(mail.html)
  const text = textLinks(mail.text)
  if (html.length === 0) problems.push('no link')
  for (const link of [...html, ...text]) {
    if (!link.startsWith(`${origin}/`)) problems.push(`link not absolute on ${origin}: ${link}`)
  }
  for (const link of html) {
    if (!text.includes(link)) problems.push(`text part lacks the link ${link}`)
  }
  for (const [part, content] of Object.entries({
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
  })) {
    const unfilled = /\{\{|\}\}|\bundefined\b|\bnull\b|\bmail:[a-zA-Z]/.exec(content)
    if (unfilled) problems.push(`${part} has "${unfilled[0]}" unfilled`)
  }
  const preferences = `${origin}${PREFERENCES_PATH}`
  const hasPreferences = html.includes(preferences) && text.includes(preferences)
  if (optional && !hasPreferences) problems.push('optional mail without the preferences link')
  if (!optional && html.includes(preferences))
    problems.push('required mail offers the preferences link')
  return problems
}
