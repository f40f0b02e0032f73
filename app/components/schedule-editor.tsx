import { GrantTermFields } from './grant-term-fields.tsx'
import { Form } from '@remix-run/react'
import { useFieldArray } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { FormFailure } from '#app/lib/forms.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useMessage } from '#app/lib/i18n/message.ts'
import { parseMoney } from '#app/lib/money.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { scheduleSchema, type ScheduleContext } from '#app/schemas/grants/grants.ts'
import { Button } from './button.tsx'
import { FormError, TextField } from './field.tsx'

/**
 * The officer's schedule editor: the grant's dates and its unpaid payments as rows (add, remove),
 * with the running total and its difference from the award. Checked in the browser with the
 * action's schema; without JavaScript a spare blank row adds a payment.
 */
export function ScheduleEditor({
  context,
  defaults,
  failure,
}: {
  context: ScheduleContext
  defaults: { startsOn: string; endsOn: string; lines: { dueOn: string; amount: string }[] }
  failure?: FormFailure | null
}) {
  const { t } = useTranslation('grants')
  const tm = useMessage()
  const format = useFormatters()
  const form = useValidatedForm(scheduleSchema(context), {
    defaultValues: { ...defaults, lines: [...defaults.lines, { dueOn: '', amount: '' }] },
    failure,
  })
  const rows = useFieldArray({ control: form.control, name: 'lines' as never })
  const lines = (form.watch('lines' as never) ?? []) as { dueOn?: string; amount?: string }[]
  const fixedTotal = context.fixed.reduce((sum, p) => sum + p.amountMinor, 0)
  const total = lines.reduce((sum, l) => sum + (parseMoney(l.amount ?? '') ?? 0), fixedTotal)
  const difference = context.awardedMinor - total
  const totalError = form.errorOf('total')
  return (
    <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
      <FormError message={form.formError} />
      <GrantTermFields form={form} />
      <fieldset>
        <legend>{t('grants:schedule.lines')}</legend>
        {rows.fields.map((row, i) => (
          <div key={row.id} className="row-fields">
            <TextField
              label={t('grants:schedule.lineDate', { n: i + 1 })}
              type="date"
              {...form.field(`lines.${i}.dueOn`)}
              error={form.errorOf(`lines.${i}.dueOn`)}
            />
            <TextField
              label={t('grants:schedule.lineAmount', { n: i + 1 })}
              inputMode="decimal"
              {...form.field(`lines.${i}.amount`)}
              error={form.errorOf(`lines.${i}.amount`)}
            />
            <div className="actions">
              <Button type="button" variant="secondary" onClick={() => rows.remove(i)}>
                {t('grants:schedule.removeLine', { n: i + 1 })}
              </Button>
            </div>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => rows.append({ dueOn: '', amount: '' } as never)}
        >
          {t('grants:schedule.addLine')}
        </Button>
      </fieldset>
      <div aria-live="polite" className={totalError ? 'field field-invalid' : 'field'}>
        {totalError ? (
          <p className="field-error" id="total-error">
            {tm(totalError)}
          </p>
        ) : null}
        <p>
          {t('grants:schedule.total', {
            total: format.money(total, context.currency),
            awarded: format.money(context.awardedMinor, context.currency),
          })}{' '}
          {difference === 0
            ? t('grants:schedule.balanced')
            : t(difference > 0 ? 'grants:schedule.short' : 'grants:schedule.over', {
                difference: format.money(Math.abs(difference), context.currency),
              })}
        </p>
      </div>
      <div className="actions">
        <Button name="intent" value="schedule">
          {t('grants:schedule.save')}
        </Button>
      </div>
    </Form>
  )
}
