import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { UploadForm } from '#app/components/attachment-list.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { TextareaField, TextField } from '#app/components/field.tsx'
import {
  GrantFacts,
  MilestoneHeading,
  PaymentTable,
  ReportHistory,
  type MilestoneView,
  type ReportView,
} from '#app/components/grant-parts.tsx'
import { REPORT_FIGURE_KEYS, REPORT_FIGURES } from '#app/domain/grants/grant-states.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { flashFor, reportFileField } from '#app/lib/flash.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { ReportSchema } from '#app/schemas/grants/grants.ts'
import { db } from '#db/client.server.ts'
import { granteeGrant } from '#app/services/grants/grant-access.server.ts'
import { grantPage } from '#app/services/grants/grant-pages.server.ts'
import { submitReport } from '#app/services/grants/grant-reports.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useRootData } from '#app/root.tsx'

export const handle: I18nHandle = { i18n: ['grants', 'applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** The grant for a member of the group it was awarded to; anyone else is told it does not exist. */
async function requireGranteeGrant(request: Request, grantId: string | undefined) {
  const user = await requireUser(request)
  const found = await granteeGrant(db(), { id: user.id }, grantId ?? '')
  if (!found.ok) throw refuse(found)
  return { user, found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await requireGranteeGrant(request, params.grantId)
  const t = await requestT(request)
  return {
    title: t('grants:grantee.pageTitle', { program: found.program.title }),
    ...(await grantPage(found)),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, found } = await requireGranteeGrant(request, params.grantId)
  const form = await parseForm(request, ReportSchema)
  if (!form.ok) return form.response
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const result = await submitReport(actor, found.grant.id, form.data)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/grants/${found.grant.id}`, {
    kind: 'success',
    message: 'grants:report.submittedDone',
    draft: draftKeys.grantReport(form.data.milestoneId),
  })
}

export default function GranteeGrant() {
  const loaded = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>() as FormFailure | undefined
  const { t } = useTranslation('grants')
  const { grant, currency, payments, milestones } = loaded
  const active = grant.status === 'active'
  return (
    <>
      <h1>{loaded.title}</h1>
      <Card title={t('grants:grantee.terms')} headingLevel={2}>
        <GrantFacts {...loaded.facts} />
      </Card>
      <Card title={t('grants:payments.title')} headingLevel={2}>
        <PaymentTable payments={payments} currency={currency} />
      </Card>
      <Card title={t('grants:milestone.title')} headingLevel={2}>
        {milestones.map((m) => {
          const open = active && m.state !== 'submitted' && m.state !== 'accepted'
          return (
            <section key={m.id} className="stack">
              <MilestoneHeading milestone={m} />
              {m.ask ? <p className="prewrap">{m.ask}</p> : null}
              <ReportHistory
                grantId={grant.id}
                reports={m.reports}
                attach={active ? (r) => <ReportUpload grantId={grant.id} report={r} /> : undefined}
              />
              {open ? (
                <ReportForm
                  milestone={m}
                  failure={failure?.values.milestoneId === m.id ? failure : null}
                />
              ) : null}
            </section>
          )
        })}
      </Card>
    </>
  )
}

/** While the funder has not reviewed a report, its group may add files to it, one at a time. */
function ReportUpload({ grantId, report }: { grantId: string; report: ReportView }) {
  const { t } = useTranslation('grants')
  const flash = useRootData()?.flash
  if (report.status !== 'submitted') return null
  return (
    <UploadForm
      id={`report-file-${report.id}`}
      action={`/grants/${grantId}/files`}
      fields={{ reportId: report.id }}
      label={t('grants:files.add')}
      target={t('grants:files.target')}
      error={flashFor(flash, reportFileField(report.id))}
    />
  )
}

function ReportForm({
  milestone,
  failure,
}: {
  milestone: MilestoneView
  failure: FormFailure | null
}) {
  const { t } = useTranslation('grants')
  const navigation = useNavigation()
  const last = milestone.reports[0]
  // A revision starts from the report the funder asked to change.
  const form = useValidatedForm(ReportSchema, {
    failure,
    defaultValues: {
      milestoneId: milestone.id,
      body: last?.body ?? '',
      figures: Object.fromEntries(
        REPORT_FIGURES.map((f) => [
          f,
          last?.figures[f] === undefined ? '' : String(last.figures[f]),
        ]),
      ),
    },
  })
  const draft = { key: draftKeys.grantReport(milestone.id), version: milestone.reports.length }
  return (
    <DraftBackupForm draft={draft} form={form}>
      <h4>
        {last
          ? t('grants:report.revise', { title: milestone.title })
          : t('grants:report.write', { title: milestone.title })}
      </h4>
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <TextareaField
        id={`report-body-${milestone.id}`}
        label={t('grants:report.body')}
        hint={t('grants:report.bodyHint')}
        required
        rows={8}
        {...form.field('body')}
        error={form.errorOf('body')}
      />
      <fieldset>
        <legend>{t('grants:report.figuresLegend')}</legend>
        <div className="row-fields">
          {REPORT_FIGURES.map((f) => (
            <TextField
              key={f}
              id={`report-${f}-${milestone.id}`}
              label={t(REPORT_FIGURE_KEYS[f])}
              inputMode="numeric"
              {...form.field(`figures.${f}`)}
              error={form.errorOf(`figures.${f}`)}
            />
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <Button busy={navigation.state === 'submitting'}>{t('grants:report.submit')}</Button>
      </div>
    </DraftBackupForm>
  )
}
