import type { TributeKind } from '#app/domain/donations/giving.ts'
import { defineMailTemplate, type MailContext } from '../template.ts'
import { ActionMail } from './layout.tsx'

interface TributeNotice {
  /** The donor's name; null when they gave anonymously. */
  donorName: string | null
  fund: string
  fundPath: string
  tributeKind: TributeKind
  tributeName: string
}

/** "Ana Ruiz made a gift to … in memory of Rosa Díaz": never the amount. */
function sentence({ t }: MailContext, d: TributeNotice) {
  const values = {
    donor: d.donorName ?? t('mail:tributeNotice.someone'),
    fund: d.fund,
    name: d.tributeName,
  }
  return d.tributeKind === 'memory'
    ? t('mail:tributeNotice.inMemory', values)
    : t('mail:tributeNotice.inHonour', values)
}

/**
 * Told to the address a donor gave with a tribute (issue 10): who gave (or "Someone", for an
 * anonymous gift), to which fund, and in whose name; never how much. Once per gift.
 */
export const tributeNotice = defineMailTemplate<TributeNotice>({
  optional: false,
  subject: (context, d) => sentence(context, d),
  body: (context, d) => (
    <ActionMail
      context={context}
      optional={false}
      greeting={context.t('mail:notifications.greeting')}
      lines={[`${sentence(context, d)}.`]}
      action={context.t('mail:tributeNotice.action', { fund: d.fund })}
      href={context.url(d.fundPath)}
      after={[]}
      requiredNote={context.t('mail:tributeNotice.why')}
    />
  ),
  example: {
    donorName: 'Ana Ruiz',
    fund: 'Riverbend Health Equity Fund',
    fundPath: '/funds/riverbend-health-equity-fund',
    tributeKind: 'memory',
    tributeName: 'Rosa Díaz',
  },
})
