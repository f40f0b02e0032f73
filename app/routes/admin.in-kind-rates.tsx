import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, SelectField, TextField } from '#app/components/field.tsx'
import { DataTable } from '#app/components/table.tsx'
import { MIN_RATE_YEAR } from '#app/domain/engagements/in-kind.ts'
import { SKILL_KEYS, VOLUNTEER_SKILLS, type Skill } from '#app/domain/skills.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { InKindRateSchema, maxRateYear } from '#app/schemas/engagements/in-kind-rate.ts'
import { addRate, listRatesForAdmin } from '#app/services/engagements/in-kind.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

// The skills' names are the applications' words.
export const handle: I18nHandle = { i18n: ['admin', 'applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const t = await requestT(request)
  const rates = await listRatesForAdmin()
  return {
    title: t('admin:inKindRates.title'),
    rates: rates.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    maxYear: maxRateYear(),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const formData = await readForm(request)
  const form = await parseForm(formData, InKindRateSchema)
  if (!form.ok) return form.response
  const added = await addRate(
    { id: admin.id, ip: requestOrigin(request, context).ip },
    {
      skill: form.data.skill,
      rateMinor: form.data.amount,
      year: form.data.year,
      source: form.data.source,
    },
  )
  if (!added.ok) return refuse(added, formData)
  return redirectWithFlash('/admin/in-kind-rates', {
    kind: 'success',
    message: 'admin:inKindRates.saved',
  })
}

/**
 * The hourly values that turn verified volunteer hours into in-kind value: the general value of a
 * volunteer hour and professional rates per skill, each with its year and source. Append-only: a
 * new rate replaces the one in use for its skill, and the list keeps the history.
 */
export default function AdminInKindRates() {
  const { rates, maxYear } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const format = useFormatters()
  const form = useValidatedForm(InKindRateSchema, { failure })
  const skillName = (skill: string | null) =>
    skill === null
      ? t('admin:inKindRates.general')
      : skill in SKILL_KEYS
        ? t(SKILL_KEYS[skill as Skill])
        : skill
  return (
    <>
      <Card title={t('admin:inKindRates.title')}>
        <p className="hint">{t('admin:inKindRates.lede')}</p>
        <DataTable
          caption={t('admin:inKindRates.caption')}
          rows={rates}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('admin:inKindRates.columns.skill'),
              cell: (r) => (
                <>
                  {skillName(r.skill)}{' '}
                  {r.inUse ? <span className="badge">{t('admin:inKindRates.inUse')}</span> : null}
                </>
              ),
            },
            {
              header: t('admin:inKindRates.columns.rate'),
              numeric: true,
              cell: (r) => format.money(r.rateMinor, r.currency),
            },
            { header: t('admin:inKindRates.columns.year'), cell: (r) => r.year },
            { header: t('admin:inKindRates.columns.source'), cell: (r) => r.source },
            {
              header: t('admin:inKindRates.columns.added'),
              cell: (r) =>
                t('admin:inKindRates.addedBy', {
                  who: r.createdBy ?? t('admin:inKindRates.platform'),
                  when: format.date(r.createdAt),
                }),
            },
          ]}
        />
      </Card>
      <Card title={t('admin:inKindRates.addTitle')}>
        <Form method="post" className="stack" onSubmit={form.onSubmit} noValidate>
          <FormError message={form.formError} />
          <SelectField
            label={t('admin:inKindRates.fields.skill')}
            hint={t('admin:inKindRates.fields.skillHint')}
            placeholder={t('admin:inKindRates.general')}
            options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(SKILL_KEYS[s]) }))}
            error={form.errorOf('skill')}
            {...form.field('skill')}
          />
          <TextField
            label={t('admin:inKindRates.fields.amount')}
            inputMode="decimal"
            required
            error={form.errorOf('amount')}
            {...form.field('amount')}
          />
          <TextField
            label={t('admin:inKindRates.fields.year', { min: MIN_RATE_YEAR, max: maxYear })}
            inputMode="numeric"
            required
            error={form.errorOf('year')}
            {...form.field('year')}
          />
          <TextField
            label={t('admin:inKindRates.fields.source')}
            hint={t('admin:inKindRates.fields.sourceHint')}
            required
            error={form.errorOf('source')}
            {...form.field('source')}
          />
          <div>
            <Button busy={navigation.state === 'submitting'}>
              {t('admin:inKindRates.submit')}
            </Button>
          </div>
        </Form>
      </Card>
    </>
  )
}
