import { defineMailTemplate } from '../template.ts'
import { ActionMail } from './layout.tsx'

/** A donor's link to their gifts, asked for at /gifts/lookup: single use, one hour. */
export const donorAccess = defineMailTemplate<{ path: string }>({
  optional: false,
  subject: ({ t }) => t('mail:donorAccess.subject'),
  body: (context, { path }) => (
    <ActionMail
      context={context}
      optional={false}
      greeting={context.t('mail:donorAccess.greeting')}
      lines={[context.t('mail:donorAccess.intro')]}
      action={context.t('mail:donorAccess.action')}
      href={context.url(path)}
      after={[context.t('mail:donorAccess.expiry'), context.t('mail:donorAccess.notYou')]}
    />
  ),
  example: { path: '/gifts/access/example-token' },
})
