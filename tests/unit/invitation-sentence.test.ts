import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { InvitationSentence } from '#app/routes/invitations.$token.tsx'
import type { Language } from '#app/lib/i18n/config.ts'
import { serverI18n } from '#app/utils/i18n.server.ts'

const render = (language: Language, values: Parameters<typeof InvitationSentence>[0]) =>
  renderToString(h(I18nextProvider, { i18n: serverI18n(language) }, h(InvitationSentence, values)))

describe('the invitation sentence', () => {
  it('keeps the email and the organisation in bold, in each language', () => {
    const values = {
      who: 'Ana',
      email: 'maria@example.org',
      organization: 'Eastside Health Collective',
      role: 'member',
    }
    expect(render('en', values)).toBe(
      'Ana invited <strong>maria@example.org</strong> to join <strong>Eastside Health Collective</strong> as member.',
    )
    expect(render('es', { ...values, role: 'miembro' })).toBe(
      'Ana invitó a <strong>maria@example.org</strong> a unirse a <strong>Eastside Health Collective</strong> como miembro.',
    )
  })

  it('shows names as typed, never as markup', () => {
    const html = render('en', {
      who: 'Ana <i>x</i>',
      email: 'a@example.org',
      organization: 'Tools & <b>Things</b>',
      role: 'member',
    })
    expect(html).toBe(
      'Ana &lt;i&gt;x&lt;/i&gt; invited <strong>a@example.org</strong> to join <strong>Tools &amp; &lt;b&gt;Things&lt;/b&gt;</strong> as member.',
    )
  })
})
