import { defineMailTemplate } from '../template.ts'
import { ActionMail } from './layout.tsx'

/** Forgot password: a link that sets a new one, single use, one hour. */
export const resetPassword = defineMailTemplate<{ name: string; path: string }>({
  optional: false,
  subject: ({ t }) => t('mail:resetPassword.subject'),
  body: (context, { name, path }) => (
    <ActionMail
      context={context}
      optional={false}
      greeting={context.t('mail:common.greeting', { name })}
      lines={[context.t('mail:resetPassword.intro')]}
      action={context.t('mail:resetPassword.action')}
      href={context.url(path)}
      after={[context.t('mail:resetPassword.expiry'), context.t('mail:resetPassword.notYou')]}
    />
  ),
  example: { name: 'Ana Ruiz', path: '/reset-password/example-token' },
})
