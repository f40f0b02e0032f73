import { notificationMail } from './notification.tsx'
import { programTitle } from '#app/services/notifications/notification-kinds.server.ts'

/** The weekly digest: the new programs that fit the group, by name (the button opens the list). */
export const programsDigestMail = notificationMail('programs-digest', {
  subject: ({ t }, d) => t('mail:notifications.programsDigest', { count: Number(d.count ?? 0) }),
  after: ({ language }, d) =>
    (JSON.parse(String(d.programs ?? '[]')) as Record<string, string>[]).map((p) =>
      programTitle(p, language),
    ),
  example: {
    organization: 'Eastside Health Collective',
    count: 1,
    programs: JSON.stringify([
      {
        slug: 'community-health-access-2027',
        program: 'Community Health Access 2027',
        programLanguage: 'en',
        programTranslation: 'Acceso comunitario a la salud 2027',
      },
    ]),
  },
})
