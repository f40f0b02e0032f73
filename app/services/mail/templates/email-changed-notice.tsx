import { defineMailTemplate } from '../template.ts'
import { ActionMail } from './layout.tsx'

/** Sent to the old address once the change is done, so a stolen account does not go unnoticed. */
export const emailChangedNotice = defineMailTemplate<{ name: string; newEmail: string }>({
  optional: false,
  subject: ({ t }) => t('mail:emailChangedNotice.subject'),
  body: (context, { name, newEmail }) => (
    <ActionMail
      context={context}
      optional={false}
      greeting={context.t('mail:common.greeting', { name })}
      lines={[context.t('mail:emailChangedNotice.intro', { newEmail })]}
      action={context.t('mail:emailChangedNotice.action')}
      href={context.url('/forgot-password')}
      after={[context.t('mail:emailChangedNotice.notYou')]}
    />
  ),
  example: { name: 'Ana Ruiz', newEmail: 'ana.nueva@example.org' },
})
