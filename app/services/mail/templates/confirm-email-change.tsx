import { defineMailTemplate } from '../template.ts'
import { ActionMail } from './layout.tsx'

/** Sent to the new address when an account asks to change its email: the change waits for it. */
export const confirmEmailChange = defineMailTemplate<{ name: string; path: string }>({
  optional: false,
  subject: ({ t }) => t('mail:confirmEmailChange.subject'),
  body: (context, { name, path }) => (
    <ActionMail
      context={context}
      optional={false}
      greeting={context.t('mail:common.greeting', { name })}
      lines={[context.t('mail:confirmEmailChange.intro')]}
      action={context.t('mail:confirmEmailChange.action')}
      href={context.url(path)}
      after={[
        context.t('mail:confirmEmailChange.expiry'),
        context.t('mail:confirmEmailChange.notYou'),
      ]}
    />
  ),
  example: { name: 'Ana Ruiz', path: '/verify-email/example-token' },
})
