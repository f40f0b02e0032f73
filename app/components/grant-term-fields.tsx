import { useTranslation } from 'react-i18next'
import type { Message } from '#app/lib/i18n/message.ts'
import { TextField, type InputProps } from './field.tsx'

type TermField = 'startsOn' | 'endsOn'

/**
 * A grant's first and last days, as the award form and the schedule editor ask them (the forms'
 * schemas share `termFields` and `refuseBadTerm`).
 */
export function GrantTermFields({
  form,
  hint,
}: {
  form: {
    field: (name: TermField) => Omit<InputProps, 'label'>
    errorOf: (name: TermField) => Message | undefined
  }
  hint?: string
}) {
  const { t } = useTranslation('grants')
  return (
    <div className="row-fields">
      <TextField
        label={t('grants:schedule.startsOn')}
        type="date"
        required
        hint={hint}
        {...form.field('startsOn')}
        error={form.errorOf('startsOn')}
      />
      <TextField
        label={t('grants:schedule.endsOn')}
        type="date"
        required
        {...form.field('endsOn')}
        error={form.errorOf('endsOn')}
      />
    </div>
  )
}
