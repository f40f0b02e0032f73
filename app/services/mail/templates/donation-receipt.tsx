import { formattersFor } from '#app/lib/i18n/formatters.ts'
import { defineMailTemplate } from '../template.ts'
import { ActionMail } from './layout.tsx'

/**
 * A settled gift's receipt mail (issue 10): the amount and the fund, and the link to the receipt
 * (page and PDF), which works without an account. One per gift, each month of a monthly one too.
 */
export const donationReceipt = defineMailTemplate<{
  donorName: string
  /** What the donor was charged (gift and covered fee), in minor units of `currency`. */
  totalMinor: number
  currency: string
  fund: string
  monthly: boolean
  receiptPath: string
}>({
  optional: false,
  subject: ({ t }, d) => t('mail:donationReceipt.subject', { fund: d.fund }),
  body: (context, d) => {
    const { t } = context
    const amount = formattersFor(context.language).money(d.totalMinor, d.currency)
    return (
      <ActionMail
        context={context}
        optional={false}
        greeting={t('mail:common.greeting', { name: d.donorName })}
        lines={[
          t('mail:donationReceipt.intro', { amount, fund: d.fund }),
          ...(d.monthly ? [t('mail:donationReceipt.monthly')] : []),
          t('mail:donationReceipt.keep'),
        ]}
        action={t('mail:donationReceipt.action')}
        href={context.url(d.receiptPath)}
        after={[]}
        requiredNote={t('mail:donationReceipt.why')}
      />
    )
  },
  example: {
    donorName: 'Ana Ruiz',
    totalMinor: 5180,
    currency: 'USD',
    fund: 'Riverbend Health Equity Fund',
    monthly: true,
    receiptPath: '/receipts/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  },
})
