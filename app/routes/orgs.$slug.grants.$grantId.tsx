import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { ConfirmCheckbox } from '#app/components/confirm-checkbox.tsx'
import { FormError, SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import {
  GrantFacts,
  MilestoneHeading,
  PaymentTable,
  ReportHistory,
} from '#app/components/grant-parts.tsx'
import { ScheduleEditor } from '#app/components/schedule-editor.tsx'
import { FIXED_PAYMENT_STATUSES } from '#app/domain/grants/grant-states.ts'
import { instalments } from '#app/domain/grants/schedule.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import {
  CancelGrantSchema,
  GenerateSchema,
  HoldSchema,
  MilestoneSchema,
  PaySchema,
  ReportReviewSchema,
  scheduleLineValues,
  scheduleSchema,
} from '#app/schemas/grants/grants.ts'
import { db } from '#db/client.server.ts'
import { fundGrant, grantFunding } from '#app/services/donations/allocation.server.ts'
import {
  holdDisbursement,
  markDisbursementPaid,
  releaseDisbursement,
} from '#app/services/grants/disbursements.server.ts'
import { grantInContext } from '#app/services/grants/grant-access.server.ts'
import { cancelGrant } from '#app/services/grants/grant-lifecycle.server.ts'
import { grantPage, readGrant } from '#app/services/grants/grant-pages.server.ts'
import { reviewReport } from '#app/services/grants/grant-reports.server.ts'
import {
  removeMilestone,
  saveMilestone,
  saveSchedule,
} from '#app/services/grants/grant-schedule.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { assertFunder } from '#app/utils/funder-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['grants', 'applications'] }

/** The grant of the funder in the URL, for its program officers; anyone else: 403 or 404. */
async function requireOfficerGrant(request: Request, params: LoaderFunctionArgs['params']) {
  const access = await requireOrgRole(request, params.slug, MANAGER_ROLES)
  assertFunder(access.organization)
  const found = params.grantId ? await grantInContext(db(), params.grantId) : null
  if (!found || found.funderId !== access.organization.id) {
    throwNotFound('grants:refusals.notFound')
  }
  return { ...access, found }
}

const fixedOf = (payments: { status: string; dueOn: string; amountMinor: number }[]) =>
  payments
    .filter((p) => (FIXED_PAYMENT_STATUSES as readonly string[]).includes(p.status))
    .map((p) => ({ dueOn: p.dueOn, amountMinor: p.amountMinor }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await requireOfficerGrant(request, params)
  return {
    ...(await grantPage(found)),
    funding: await grantFunding(db(), found),
  }
}

type GrantAction = FormFailure | { generated: { dueOn: string; amount: string }[] }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { found, user, organization } = await requireOfficerGrant(request, params)
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const formData = await readForm(request)
  const intent = String(formData.get('intent') ?? '')
  const grantId = found.grant.id
  const back = `/orgs/${organization.slug}/grants/${grantId}`
  const done = (message: string) => redirectWithFlash(back, { kind: 'success', message })

  if (intent === 'schedule' || intent === 'generate') {
    const fixed = fixedOf((await readGrant(found)).payments)
    if (intent === 'generate') {
      const form = await parseForm(formData, GenerateSchema)
      if (!form.ok) return form.response
      const left = found.grant.amountMinor - fixed.reduce((s, p) => s + p.amountMinor, 0)
      if (left < form.data.parts) {
        return data<GrantAction>(
          { errors: { parts: 'grants:errors.partsRange' }, values: {} },
          { status: 400 },
        )
      }
      const generated = instalments(left, found.grant.startsOn, form.data.parts, form.data.every)
      return data<GrantAction>({ generated: scheduleLineValues(generated) })
    }
    const schema = scheduleSchema({
      awardedMinor: found.grant.amountMinor,
      currency: found.currency,
      fixed,
    })
    const form = await parseForm(formData, schema)
    if (!form.ok) return form.response
    const result = await saveSchedule(actor, grantId, form.data)
    if (!result.ok) return refuse(result, formData)
    return done('grants:schedule.saved')
  }
  if (intent === 'milestone') {
    const form = await parseForm(formData, MilestoneSchema)
    if (!form.ok) return form.response
    const result = await saveMilestone(actor, grantId, form.data)
    if (!result.ok) return refuse(result, formData)
    return done('grants:milestone.saved')
  }
  if (intent === 'remove-milestone') {
    const result = await removeMilestone(actor, grantId, String(formData.get('milestoneId') ?? ''))
    if (!result.ok) return refuse(result, formData)
    return done('grants:milestone.removed')
  }
  if (intent === 'pay') {
    const form = await parseForm(formData, PaySchema)
    if (!form.ok) return form.response
    const result = await markDisbursementPaid(actor, grantId, form.data.disbursementId)
    if (!result.ok) return refuse(result, formData)
    return done('grants:payments.paidDone')
  }
  if (intent === 'fund') {
    const result = await fundGrant(actor, grantId)
    if (!result.ok) return refuse(result, formData)
    if (result.allocatedMinor === 0) return done('grants:funding.nothing')
    return done(result.shortfallMinor > 0 ? 'grants:funding.doneShort' : 'grants:funding.done')
  }
  if (intent === 'hold') {
    const form = await parseForm(formData, HoldSchema)
    if (!form.ok) return form.response
    const result = await holdDisbursement(
      actor,
      grantId,
      form.data.disbursementId,
      form.data.reason,
    )
    if (!result.ok) return refuse(result, formData)
    return done('grants:payments.heldDone')
  }
  if (intent === 'release') {
    const id = String(formData.get('disbursementId') ?? '')
    const result = await releaseDisbursement(actor, grantId, id)
    if (!result.ok) return refuse(result, formData)
    return done('grants:payments.releasedDone')
  }
  if (intent === 'review') {
    const form = await parseForm(formData, ReportReviewSchema)
    if (!form.ok) return form.response
    const result = await reviewReport(actor, grantId, form.data)
    if (!result.ok) return refuse(result, formData)
    return done(
      form.data.decision === 'accept'
        ? result.completed
          ? 'grants:report.acceptedCompleted'
          : 'grants:report.acceptedDone'
        : 'grants:report.changesDone',
    )
  }
  if (intent === 'cancel') {
    const form = await parseForm(formData, CancelGrantSchema)
    if (!form.ok) return form.response
    const result = await cancelGrant(actor, grantId, form.data.reason)
    if (!result.ok) return refuse(result, formData)
    return done('grants:cancel.done')
  }
  return refuse({ ok: false, message: 'common:errors.notDone' }, formData)
}

/** What the fund has given the grant, what it still owes, and the officer's button to fund it. */
function FundingCard(props: {
  allocatedMinor: number
  owedMinor: number
  openMinor: number
  paidBeyondMinor: number
  currency: string
  active: boolean
}) {
  const { t } = useTranslation('grants')
  const format = useFormatters()
  const money = (minor: number) => format.money(minor, props.currency)
  const short = props.owedMinor - Math.min(props.owedMinor, props.openMinor)
  return (
    <Card title={t('grants:funding.title')} headingLevel={2}>
      <p>{t('grants:funding.intro')}</p>
      <dl className="facts">
        <dt>{t('grants:funding.allocated')}</dt>
        <dd>{money(props.allocatedMinor)}</dd>
        <dt>{t('grants:funding.owed')}</dt>
        <dd>{money(props.owedMinor)}</dd>
        <dt>{t('grants:funding.open')}</dt>
        <dd>{money(props.openMinor)}</dd>
        {props.paidBeyondMinor > 0 ? (
          <>
            <dt>{t('grants:funding.paidBeyond')}</dt>
            <dd>{money(props.paidBeyondMinor)}</dd>
          </>
        ) : null}
      </dl>
      {props.owedMinor === 0 ? (
        <p>{t('grants:funding.funded')}</p>
      ) : (
        <>
          {short > 0 ? (
            <p className="callout">{t('grants:funding.shortfall', { amount: money(short) })}</p>
          ) : null}
          {props.active && props.openMinor > 0 ? (
            <Form method="post">
              <Button name="intent" value="fund">
                {t('grants:funding.fund')}
              </Button>
            </Form>
          ) : null}
        </>
      )}
    </Card>
  )
}

export default function OfficerGrant() {
  const loaded = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as GrantAction | undefined
  const failure = answer && 'errors' in answer ? answer : null
  const errors = failure?.errors
  const { t } = useTranslation('grants')
  const { grant, currency, payments, milestones } = loaded
  const active = grant.status === 'active'
  const anyOverdue = milestones.some((m) => m.state === 'overdue')
  const unpaid = payments.filter((p) => p.status === 'scheduled')
  const generated = answer && 'generated' in answer ? answer.generated : null
  return (
    <>
      <p>
        <Link to="..">{t('grants:officer.back')}</Link>
      </p>
      <Card
        title={t('grants:officer.title', { name: loaded.facts.organizationName })}
        headingLevel={2}
      >
        <FormError message={errors?.form} />
        <GrantFacts {...loaded.facts} />
      </Card>
      <FundingCard {...loaded.funding} currency={currency} active={active} />
      <Card title={t('grants:payments.title')} headingLevel={2}>
        {anyOverdue && active ? (
          <p className="callout">{t('grants:payments.overdueHint')}</p>
        ) : null}
        <PaymentTable
          payments={payments}
          currency={currency}
          actions={
            active
              ? (p) =>
                  p.status === 'scheduled' ? (
                    <div className="stack">
                      <details>
                        <summary>{t('grants:payments.markPaid')}</summary>
                        <Form method="post" className="stack">
                          <input type="hidden" name="disbursementId" value={p.id} />
                          <ConfirmCheckbox
                            id={`pay-confirm-${p.id}`}
                            name="confirm"
                            label={t('grants:payments.confirmPaid')}
                            error={
                              failure?.values.disbursementId === p.id ? errors?.confirm : undefined
                            }
                          />
                          <Button name="intent" value="pay">
                            {t('grants:payments.markPaidConfirm')}
                          </Button>
                        </Form>
                      </details>
                      {anyOverdue ? (
                        <details>
                          <summary>{t('grants:payments.hold')}</summary>
                          <Form method="post" className="stack">
                            <input type="hidden" name="disbursementId" value={p.id} />
                            <TextField
                              id={`hold-reason-${p.id}`}
                              label={t('grants:payments.holdReason')}
                              name="reason"
                              defaultValue={t('grants:payments.holdReasonDefault')}
                              error={
                                failure?.values.disbursementId === p.id ? errors?.reason : undefined
                              }
                            />
                            <Button name="intent" value="hold" variant="secondary">
                              {t('grants:payments.holdConfirm')}
                            </Button>
                          </Form>
                        </details>
                      ) : null}
                    </div>
                  ) : p.status === 'held' ? (
                    <Form method="post">
                      <input type="hidden" name="disbursementId" value={p.id} />
                      <Button name="intent" value="release" variant="secondary">
                        {t('grants:payments.release')}
                      </Button>
                    </Form>
                  ) : null
              : undefined
          }
        />
      </Card>
      {active ? (
        <Card title={t('grants:schedule.title')} headingLevel={2}>
          <p>{t('grants:schedule.intro')}</p>
          <Form method="post" className="row-fields">
            <TextField
              label={t('grants:schedule.parts')}
              name="parts"
              inputMode="numeric"
              defaultValue="2"
              error={errors?.parts}
            />
            <SelectField
              label={t('grants:schedule.every')}
              name="every"
              defaultValue="3"
              options={[
                { value: '1', label: t('grants:schedule.monthly') },
                { value: '3', label: t('grants:schedule.quarterly') },
                { value: '12', label: t('grants:schedule.yearly') },
              ]}
            />
            <div className="actions">
              <Button name="intent" value="generate" variant="secondary">
                {t('grants:schedule.generate')}
              </Button>
            </div>
          </Form>
          <ScheduleEditor
            key={generated ? JSON.stringify(generated) : 'saved'}
            context={{ awardedMinor: grant.amountMinor, currency, fixed: fixedOf(payments) }}
            defaults={{
              startsOn: loaded.facts.startsOn,
              endsOn: loaded.facts.endsOn,
              lines: generated ?? scheduleLineValues(unpaid),
            }}
            failure={failure?.values.intent === 'schedule' ? failure : null}
          />
        </Card>
      ) : null}
      <Card title={t('grants:milestone.title')} headingLevel={2}>
        {milestones.map((m) => {
          const pending = m.reports.find((r) => r.status === 'submitted')
          return (
            <section key={m.id} className="stack">
              <MilestoneHeading milestone={m} />
              {m.ask ? <p className="prewrap">{m.ask}</p> : null}
              <ReportHistory grantId={loaded.grant.id} reports={m.reports} />
              {pending && active ? (
                <Form method="post" className="stack">
                  <input type="hidden" name="reportId" value={pending.id} />
                  <TextareaField
                    id={`changes-${pending.id}`}
                    label={t('grants:report.changesMessage', { title: m.title })}
                    name="message"
                    error={failure?.values.reportId === pending.id ? errors?.message : undefined}
                  />
                  <div className="actions">
                    <Button name="decision" value="accept">
                      {t('grants:report.accept')}
                    </Button>
                    <Button name="decision" value="changes" variant="secondary">
                      {t('grants:report.askChanges')}
                    </Button>
                  </div>
                  <input type="hidden" name="intent" value="review" />
                </Form>
              ) : null}
              {active ? (
                <details>
                  <summary>{t('grants:milestone.edit', { title: m.title })}</summary>
                  <MilestoneForm milestone={m} failure={failure} />
                  {m.reports.length === 0 ? (
                    <Form method="post">
                      <input type="hidden" name="milestoneId" value={m.id} />
                      <Button name="intent" value="remove-milestone" variant="danger">
                        {t('grants:milestone.remove', { title: m.title })}
                      </Button>
                    </Form>
                  ) : null}
                </details>
              ) : null}
            </section>
          )
        })}
        {active ? (
          <details>
            <summary>{t('grants:milestone.add')}</summary>
            <MilestoneForm failure={failure} />
          </details>
        ) : null}
      </Card>
      {active ? (
        <Card title={t('grants:cancel.title')} headingLevel={2}>
          <Form method="post" className="stack">
            <TextareaField
              id="cancel-reason"
              label={t('grants:cancel.reason')}
              name="reason"
              error={failure?.values.intent === 'cancel' ? errors?.reason : undefined}
            />
            <ConfirmCheckbox
              id="cancel-confirm"
              name="confirm"
              label={t('grants:cancel.confirm')}
              error={failure?.values.intent === 'cancel' ? errors?.confirm : undefined}
            />
            <div className="actions">
              <Button name="intent" value="cancel" variant="danger">
                {t('grants:cancel.submit')}
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </>
  )
}

function MilestoneForm({
  milestone,
  failure,
}: {
  milestone?: { id: string; dueOn: string; title: string; ask: string }
  failure: FormFailure | null
}) {
  const { t } = useTranslation('grants')
  const mine =
    failure?.values.intent === 'milestone' &&
    (failure.values.milestoneId ?? '') === (milestone?.id ?? '')
  const errors = mine ? failure.errors : undefined
  const value = (name: string, fallback: string) =>
    mine && typeof failure.values[name] === 'string' ? String(failure.values[name]) : fallback
  const idPart = milestone?.id ?? 'new'
  return (
    <Form method="post" className="stack">
      {milestone ? <input type="hidden" name="milestoneId" value={milestone.id} /> : null}
      <TextField
        id={`milestone-title-${idPart}`}
        label={t('grants:milestone.titleField')}
        name="title"
        required
        defaultValue={value('title', milestone?.title ?? '')}
        error={errors?.title}
      />
      <TextField
        id={`milestone-due-${idPart}`}
        label={t('grants:milestone.dueField')}
        name="dueOn"
        type="date"
        required
        defaultValue={value('dueOn', milestone?.dueOn ?? '')}
        error={errors?.dueOn}
      />
      <TextareaField
        id={`milestone-ask-${idPart}`}
        label={t('grants:milestone.askField')}
        name="ask"
        defaultValue={value('ask', milestone?.ask ?? '')}
        error={errors?.ask}
      />
      <div className="actions">
        <Button name="intent" value="milestone">
          {milestone ? t('grants:milestone.save') : t('grants:milestone.addSubmit')}
        </Button>
      </div>
    </Form>
  )
}
