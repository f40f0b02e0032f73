import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useWatch } from 'react-hook-form'
import { StepForm } from '#app/components/application-step-form.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { TextField } from '#app/components/field.tsx'
import { BudgetStepSchema } from '#app/schemas/application.ts'
import { applicationParts } from '#app/services/application-content.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { formatMoney, moneyInputValue, parseMoney } from '#app/utils/money.ts'
import { rowCount } from '#app/utils/nested-values.ts'
import { useValidatedForm } from '#app/utils/use-validated-form.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

/** Blank rows offered below the saved ones; "Add more lines" offers more. */
const BLANK_ROWS = 2

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
  handleStepSave(args, 'budget', BudgetStepSchema, async (data) => ({ step: 'budget', data }))

export default function BudgetStep() {
  const { values } = useLoaderData<typeof loader>()
  return <Editor key={values.version} />
}

function Editor() {
  const { id, values, currency, range } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(BudgetStepSchema, { failure, defaultValues: values })
  const rows = rowCount('lines', values.lines.length, failure?.values)
  return (
    <Card title="Budget">
      <p className="hint">
        This program awards between {formatMoney(range.min, currency)} and{' '}
        {formatMoney(range.max, currency)}. Your budget lines must add up to the amount you request.
      </p>
      <StepForm
        form={form}
        failure={failure}
        applicationId={id}
        step="budget"
        version={Number(values.version)}
      >
        <TextField
          label={`Amount requested (${currency})`}
          inputMode="decimal"
          hint="For example 12,500"
          required
          error={form.errorOf('amountRequested')}
          {...form.field('amountRequested')}
        />
        <div className="rows">
          {Array.from({ length: rows }, (_, i) => (
            <fieldset key={i} className="row-group">
              <legend>Budget line {i + 1}</legend>
              <TextField
                label="What it pays for"
                error={form.errorOf(`lines.${i}.description`)}
                {...form.field(`lines.${i}.description`)}
              />
              <TextField
                label="Amount"
                inputMode="decimal"
                error={form.errorOf(`lines.${i}.amount`)}
                {...form.field(`lines.${i}.amount`)}
              />
            </fieldset>
          ))}
        </div>
        <BudgetTotal control={form.control} currency={currency} />
        <p>
          <Button variant="secondary" name="intent" value="add-row">
            Save and add more lines
          </Button>
        </p>
      </StepForm>
    </Card>
  )
}

/** The running total as the user types (with JavaScript), next to the amount requested. */
function BudgetTotal({
  control,
  currency,
}: {
  control: ReturnType<typeof useValidatedForm<typeof BudgetStepSchema>>['control']
  currency: string
}) {
  const lines = useWatch({ control, name: 'lines' }) as { amount?: string }[] | undefined
  const requested = useWatch({ control, name: 'amountRequested' }) as string | undefined
  const total = (lines ?? []).reduce((sum, l) => sum + (parseMoney(l?.amount ?? '') ?? 0), 0)
  const asked = parseMoney(requested ?? '')
  return (
    <p className="total" aria-live="polite">
      Lines add up to {formatMoney(total, currency)}
      {asked !== null && asked !== total ? ` (requested: ${formatMoney(asked, currency)})` : ''}
    </p>
  )
}
