import { requestLanguage } from '#app/utils/i18n.server.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useTranslation } from 'react-i18next'
import { msg } from '#app/lib/i18n/message.ts'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { z } from 'zod'
import { ApplicationSummary } from '#app/components/application-summary.tsx'
import { AttachmentList } from '#app/components/attachment-list.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, TextareaField } from '#app/components/field.tsx'
import { STATUS_KEYS } from '#app/domain/applications/application-status.ts'
import { withdrawApplication } from '#app/services/applications/application-submission.server.ts'
import { readApplication } from '#app/services/applications/application-content.server.ts'
import { applicationHistory } from '#app/services/applications/applications.server.ts'
import { stepsFor } from '#app/domain/applications/application-steps.ts'
import { submissionIssues } from '#app/schemas/applications/application-submission.ts'
import { listReviewExclusions } from '#app/services/applications/application-drafts.server.ts'
import { listAttachments } from '#app/services/applications/attachments.server.ts'
import { isOfficerAccess, requireApplication } from '#app/utils/application-route.server.ts'
import { CHANGES_REQUESTABLE_STATUSES } from '#app/domain/applications/application-status.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { forbidden, redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { Moment } from '#app/components/moment.tsx'
import { DecisionOutcome } from '#app/components/decision-outcome.tsx'
import { decisionForGroup } from '#app/services/review/decisions.server.ts'
import { showCriterion } from '#app/services/programs/program-content.server.ts'
import { ConfirmCheckbox } from '#app/components/confirm-checkbox.tsx'
import { CONFIRMED, confirmation } from '#app/schemas/confirmation.ts'

const WithdrawSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(1000, msg('applications:overview.reasonTooLong', { count: 1000 }))
    .optional()
    .default(''),
  confirm: confirmation('applications:overview.confirmWithdrawRequired'),
})

export const handle: I18nHandle = { i18n: ['applications', 'decisions'] }

const WITHDRAWABLE = new Set(['submitted', 'in_review', 'changes_requested'])
const DECIDED = new Set(['awarded', 'declined'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireApplication(request, params.id)
  const { application: a, access, program } = loaded
  const reader = await requestLanguage(request)
  const [{ context, content, summary }, history, files, decided] = await Promise.all([
    readApplication(loaded, reader),
    applicationHistory(a.id),
    listAttachments(a.id),
    // Nothing of the review shows before the decision is made.
    DECIDED.has(a.status) ? decisionForGroup(a.id, program) : null,
  ])
  if (access.side === 'applicant' && access.canEdit) {
    // Coming back to a draft opens the first step that still needs work.
    const issues = submissionIssues(context, content)
    const firstOpen = stepsFor(program).find((step) => issues.some((i) => i.step === step))
    throw redirect(`/applications/${a.id}/${firstOpen ?? 'review'}`)
  }
  return {
    id: a.id,
    status: a.status,
    side: access.side,
    canWithdraw: access.side === 'applicant' && WITHDRAWABLE.has(a.status),
    // The program officers may send it back for changes and keep internal notes on it.
    // Officers see whom the group asked not to be reviewed by; reviewers never do.
    officer: isOfficerAccess(loaded)
      ? {
          exclusions: await listReviewExclusions(a.id),
          canRequestChanges: (CHANGES_REQUESTABLE_STATUSES as readonly string[]).includes(a.status),
        }
      : null,
    allowSkills: program.allowSkillRequests,
    summary,
    files,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    currency: loaded.fund.currency,
    outcome: decided
      ? {
          outcome: decided.outcome,
          amountMinor: decided.amountMinor,
          feedback: decided.feedback,
          grantId: decided.grantId,
          criteria: decided.criteria.map((c) => ({
            id: c.criterionId,
            label: showCriterion(c.criterion, reader).label,
            own: c.own,
            funded: c.funded,
            fundedCount: c.fundedCount,
          })),
          sharedComments: decided.sharedComments.map((c) => ({
            body: c.body,
            criterion: c.criterion ? showCriterion(c.criterion, reader).label : null,
          })),
        }
      : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, loaded } = await requireApplication(request, params.id)
  if (loaded.access.side !== 'applicant')
    throw forbidden('applications:refusals.onlyGroupWithdraws')
  const form = await parseForm(request, WithdrawSchema)
  if (!form.ok) return form.response
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const result = await withdrawApplication(actor, loaded, form.data.reason)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/applications/${loaded.application.id}`, {
    kind: 'success',
    message: 'common:flash.applicationWithdrawn',
  })
}

export default function ApplicationStatusPage() {
  const {
    id,
    status,
    canWithdraw,
    officer,
    allowSkills,
    summary,
    files,
    history,
    outcome,
    currency,
  } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(WithdrawSchema, { failure })
  const { t } = useTranslation('applications')
  return (
    <>
      <Card title={t('applications:overview.status', { status: t(STATUS_KEYS[status]) })}>
        <ol className="timeline">
          {history.map((h) => (
            <li key={h.id}>
              <Moment iso={h.at} />
              {': '}
              {h.fromStatus === 'changes_requested' && h.toStatus !== 'withdrawn'
                ? h.actorName
                  ? t('applications:overview.resubmittedBy', { name: h.actorName })
                  : t('applications:overview.resubmitted')
                : h.actorName
                  ? t('applications:overview.changeBy', {
                      status: t(STATUS_KEYS[h.toStatus]),
                      name: h.actorName,
                    })
                  : t(STATUS_KEYS[h.toStatus])}
              {h.note ? t('applications:overview.note', { note: h.note }) : ''}
            </li>
          ))}
        </ol>
      </Card>
      {outcome ? <DecisionOutcome outcome={outcome} currency={currency} /> : null}
      {officer ? (
        <Card title={t('applications:officer.title')}>
          <ul className="actions">
            {officer.canRequestChanges ? (
              <li>
                <Link to={`/applications/${id}/changes`}>
                  {t('applications:officer.askChanges')}
                </Link>
              </li>
            ) : null}
            <li>
              <Link to={`/applications/${id}/notes`}>{t('applications:officer.notes')}</Link>
            </li>
          </ul>
          <p>
            {officer.exclusions.length
              ? t('applications:officer.exclusions', { count: officer.exclusions.length })
              : t('applications:officer.noExclusions')}
          </p>
          {officer.exclusions.length ? (
            <ul>
              {officer.exclusions.map((e, i) => (
                <li key={i}>{[e.name, e.email].filter(Boolean).join(' · ')}</li>
              ))}
            </ul>
          ) : null}
        </Card>
      ) : null}
      <ApplicationSummary summary={summary} showSkills={allowSkills} />
      <Card title={t('applications:overview.files')}>
        <AttachmentList applicationId={id} files={files} editable={false} />
      </Card>
      {canWithdraw ? (
        <Card title={t('applications:overview.withdrawTitle')}>
          <p>{t('applications:overview.withdrawText')}</p>
          <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
            <FormError message={form.formError} />
            <TextareaField
              label={t('applications:overview.reason')}
              hint={t('applications:overview.reasonHint')}
              rows={3}
              error={form.errorOf('reason')}
              {...form.field('reason')}
            />
            <ConfirmCheckbox
              name="confirm"
              label={t('applications:overview.confirmWithdraw')}
              error={form.errorOf('confirm')}
              register={form.choice('confirm', CONFIRMED)}
            />
            <Button variant="danger">{t('applications:overview.withdraw')}</Button>
          </Form>
        </Card>
      ) : null}
    </>
  )
}
