import type { MailTemplate } from '../template.ts'
import { confirmEmailChange } from './confirm-email-change.tsx'
import { emailChangedNotice } from './email-changed-notice.tsx'
import { resetPassword } from './reset-password.tsx'
import { verifyEmail } from './verify-email.tsx'

/**
 * Every kind of mail, by the name stored in mail_messages.kind. Adding a kind is one template
 * file and one line here; the template check (tests/unit/mail-templates.test.ts) covers it.
 */
export const MAIL_TEMPLATES = {
  'verify-email': verifyEmail,
  'reset-password': resetPassword,
  'confirm-email-change': confirmEmailChange,
  'email-changed-notice': emailChangedNotice,
} satisfies Record<string, MailTemplate<object>>

export type MailKind = keyof typeof MAIL_TEMPLATES
export type MailData<K extends MailKind> =
  (typeof MAIL_TEMPLATES)[K] extends MailTemplate<infer D> ? D : never
