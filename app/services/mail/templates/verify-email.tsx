import { defineMailTemplate } from '../template.ts'
import { ActionMail } from './layout.tsx'

/** Sign-up (and the banner's resend): the link that proves the account receives mail here. */
export const verifyEmail = defineMailTemplate<{ name: string; path: string }>({
  optional: false,
  subject: ({ t }) => t('mail:verifyEmail.subject'),
  body: (context, { name, path }) => (
    <ActionMail
      context={context}
      optional={false}
      greeting={context.t('mail:common.greeting', { name })}
      lines={[context.t('mail:verifyEmail.intro')]}
      action={context.t('mail:verifyEmail.action')}
      href={context.url(path)}
      after={[context.t('mail:verifyEmail.expiry'), context.t('mail:verifyEmail.notYou')]}
    />
  ),
  example: { name: 'Ana Ruiz', path: '/verify-email/example-token' },
})
