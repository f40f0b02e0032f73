import type { ReactNode } from 'react'
import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import type { MailContext } from '../template.ts'

export const PREFERENCES_PATH = '/account/notifications'

const page = { backgroundColor: '#f6f6f4', fontFamily: 'Arial, Helvetica, sans-serif' }
const box = { backgroundColor: '#ffffff', margin: '24px auto', padding: '24px', maxWidth: '560px' }
const small = { color: '#555555', fontSize: '13px', lineHeight: '20px' }
export const paragraph = { color: '#1a1a1a', fontSize: '16px', lineHeight: '24px' }
export const button = {
  backgroundColor: '#1f5f4a',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '4px',
  textDecoration: 'none',
  display: 'inline-block',
}

/**
 * The frame every mail shares: a preview line, the body, and the footer (who sent it and, for
 * optional mails, where to choose which mails arrive; for required ones, why it cannot be turned
 * off: `requiredNote`, when the reason is not the account's safety).
 */
export function MailLayout({
  context,
  preview,
  optional,
  requiredNote,
  children,
}: {
  context: MailContext
  preview: string
  optional: boolean
  requiredNote?: string
  children: ReactNode
}) {
  const { t, url, language } = context
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={box}>
          {children}
          <Hr />
          <Section>
            <Text style={small}>{t('mail:footer.sentBy')}</Text>
            {optional ? (
              <Text style={small}>
                {t('mail:footer.preferences')}{' '}
                <Link href={url(PREFERENCES_PATH)}>{t('mail:footer.preferencesLink')}</Link>
              </Text>
            ) : (
              <Text style={small}>{requiredNote ?? t('mail:footer.required')}</Text>
            )}
          </Section>
        </Container>
      </Body>
    </Html>
  )
}

/** A greeting, paragraphs, one call to action and the link spelled out for clients without buttons. */
export function ActionMail({
  context,
  optional,
  greeting,
  lines,
  action,
  href,
  after,
  requiredNote,
}: {
  context: MailContext
  optional: boolean
  greeting: string
  lines: string[]
  action: string
  href: string
  after: string[]
  requiredNote?: string
}) {
  return (
    <MailLayout
      context={context}
      preview={lines[0] ?? action}
      optional={optional}
      requiredNote={requiredNote}
    >
      <Text style={paragraph}>{greeting}</Text>
      {lines.map((line) => (
        <Text key={line} style={paragraph}>
          {line}
        </Text>
      ))}
      <Section>
        <Link href={href} style={button}>
          {action}
        </Link>
      </Section>
      <Text style={small}>
        {context.t('mail:common.linkFallback')} <Link href={href}>{href}</Link>
      </Text>
      {after.map((line) => (
        <Text key={line} style={paragraph}>
          {line}
        </Text>
      ))}
    </MailLayout>
  )
}
