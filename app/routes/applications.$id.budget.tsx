import { type Message, useMessage } from '#app/lib/i18n/message.ts'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useWatch } from 'react-hook-form'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { TextField } from '#app/components/field.tsx'
import { BudgetStepSchema } from '#app/schemas/applications/application.ts'
import {
  budgetProblems,
  type AwardRange,
} from '#app/schemas/applications/application-submission.ts'
import { applicationParts } from '#app/services/applications/application-content.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { moneyInputValue, parseMoney } from '#app/lib/money.ts'
import { rowCount } from '#app/lib/nested-values.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

/** Blank rows offered below the saved ones; "Add more lines" offers more. */
const BLANK_ROWS = 2

export const handle: I18nHandle = { i18n: ['applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireEditableStep(request, params.id, 'budget')
  const { application: a, program, fund } = loaded
  const { lines } = await applicationParts(a.id)
  const extra = readQuery(request).get('extra') ? 3 : 0
  const rows = [
    ...lines.map((l) => ({ description: l.description, amount: moneyInputValue(l.amountMinor) })),
    ...Array.from({ length: BLANK_ROWS + extra }, () => ({ description: '', amount: '' })),
  ]
  return {
    id: a.id,
    currency: fund.currency,
    range: { min: program.minAwardMinor, max: program.maxAwardMinor },
    values: {
      version: String(a.version),
      amountRequested: moneyInputValue(a.amountRequestedMinor),
      lines: rows,
    },
  }
}

export const action = (args: ActionFunctionArgs) =>
  handleStepSave(args, 'budget', BudgetStepSchema, async (data, { program, fund }) => ({
    step: 'budget',
    data,
    problems: budgetProblems(
      { currency: fund.currency, ...program },
      data.amountRequested,
      data.lines.map((l) => ({ amountMinor: l.amount ?? 0 })),
    ),
  }))

export default function BudgetStep() {
  const { values } = useLoaderData<typeof loader>()
  return <Editor key={useStepVersion(values.version)} />
}

function Editor() {
  const { id, values, currency, range } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(BudgetStepSchema, { failure, defaultValues: values })
  const rows = rowCount('lines', values.lines.length, failure?.values)
  const { t } = useTranslation('applications')
  const format = useFormatters()
  return (
    <Card title={t('applications:budget.title')}>
      <p className="hint">
        {t('applications:budget.intro', {
          min: format.money(range.min, currency),
          max: format.money(range.max, currency),
        })}
      </p>
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="budget"
        version={Number(values.version)}
      >
        <TextField
          label={t('applications:budget.amountRequested', { currency })}
          inputMode="decimal"
          hint={t('applications:budget.amountHint')}
          required
          error={form.errorOf('amountRequested')}
          {...form.field('amountRequested')}
        />
        <div className="rows">
          {Array.from({ length: rows }, (_, i) => (
            <fieldset key={i} className="row-group">
              <legend>{t('applications:budget.line', { number: i + 1 })}</legend>
              <TextField
                label={t('applications:budget.lineDescription')}
                error={form.errorOf(`lines.${i}.description`)}
                {...form.field(`lines.${i}.description`)}
              />
              <TextField
                label={t('applications:budget.lineAmount')}
                inputMode="decimal"
                error={form.errorOf(`lines.${i}.amount`)}
                {...form.field(`lines.${i}.amount`)}
              />
            </fieldset>
          ))}
        </div>
        <BudgetCheck
          control={form.control}
          range={{ currency, minAwardMinor: range.min, maxAwardMinor: range.max }}
          error={form.errorOf('lines')}
        />
        <p>
          <Button variant="secondary" name="intent" value="add-row">
            {t('applications:budget.addLines')}
          </Button>
        </p>
      </StepForm>
    </Card>
  )
}

/**
 * The running check as the user types (with JavaScript): the lines' total against the amount
 * requested and the program's range, with the same messages the save and the submission give.
 * Without JavaScript, the save answers the same problems by the fields.
 */
function BudgetCheck({
  control,
  range,
  error,
}: {
  control: ReturnType<typeof useValidatedForm<typeof BudgetStepSchema>>['control']
  range: AwardRange
  error: Message | undefined
}) {
  const lines = useWatch({ control, name: 'lines' }) as { amount?: string }[] | undefined
  const requested = useWatch({ control, name: 'amountRequested' }) as string | undefined
  const amounts = (lines ?? [])
    .map((l) => parseMoney(l?.amount ?? ''))
    .filter((a): a is number => a !== null)
  const total = amounts.reduce((sum, a) => sum + a, 0)
  const asked = parseMoney(requested ?? '')
  const live = budgetProblems(
    range,
    asked,
    amounts.map((a) => ({ amountMinor: a })),
  )
  const { t } = useTranslation('applications')
  const tm = useMessage()
  const format = useFormatters()
  const problems = [live.amountRequested, live.lines]
    .filter((p): p is NonNullable<typeof p> => !!p)
    .map((p) => tm(p))
  const money = (minor: number) => format.money(minor, range.currency)
  const verdict =
    asked === null
      ? ''
      : live.amountRequested && live.lines
        ? t('applications:budget.check.outsideAndUneven')
        : live.amountRequested
          ? t('applications:budget.check.outside')
          : live.lines
            ? t('applications:budget.check.uneven')
            : t('applications:budget.check.fine')
  const shownError = error ? tm(error) : undefined
  return (
    <div className="total" id="budget-check">
      <p>
        {t('applications:budget.check.linesTotal')} <strong>{money(total)}</strong>
        {asked !== null ? (
          <>
            {t('applications:budget.check.youRequest')} <strong>{money(asked)}</strong>
          </>
        ) : null}
        {t('applications:budget.check.range', {
          min: money(range.minAwardMinor),
          max: money(range.maxAwardMinor),
        })}
      </p>
      {/* Only the verdict is announced, when it changes, not every keystroke's new total. */}
      <p role="status">{verdict}</p>
      {problems.map((p) => (
        <p key={p} className="field-error">
          {p}
        </p>
      ))}
      {shownError && !problems.includes(shownError) ? (
        <p className="field-error">{shownError}</p>
      ) : null}
    </div>
  )
}
