import { requestLanguage } from '#app/utils/i18n.server.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ApplicationSummary } from '#app/components/application-summary.tsx'
import { AttachmentList } from '#app/components/attachment-list.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, TextareaField } from '#app/components/field.tsx'
import { STATUS_LABELS } from '#app/domain/applications/application-status.ts'
import { withdrawApplication } from '#app/services/applications/application-submission.server.ts'
import { readApplication } from '#app/services/applications/application-content.server.ts'
import { applicationHistory } from '#app/services/applications/applications.server.ts'
import { stepsFor } from '#app/domain/applications/application-steps.ts'
import { submissionIssues } from '#app/schemas/applications/application-submission.ts'
import { listAttachments } from '#app/services/applications/attachments.server.ts'
import { requireApplication } from '#app/utils/application-route.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { forbidden, redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { Moment } from '#app/components/moment.tsx'
import { ConfirmCheckbox } from '#app/components/confirm-checkbox.tsx'
import { CONFIRMED, confirmation } from '#app/schemas/confirmation.ts'

const WithdrawSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(1000, 'Keep the reason under 1,000 characters')
    .optional()
    .default(''),
  confirm: confirmation('Tick the box to confirm that you want to withdraw'),
})

const WITHDRAWABLE = new Set(['submitted', 'in_review'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireApplication(request, params.id)
  const { application: a, access, program } = loaded
  const [{ context, content, summary }, history, files] = await Promise.all([
    readApplication(loaded, await requestLanguage(request)),
    applicationHistory(a.id),
    listAttachments(a.id),
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
    allowSkills: program.allowSkillRequests,
    summary,
    files,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, loaded } = await requireApplication(request, params.id)
  if (loaded.access.side !== 'applicant') throw forbidden('Only the applying group can withdraw.')
  const form = await parseForm(request, WithdrawSchema)
  if (!form.ok) return form.response
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const result = await withdrawApplication(actor, loaded, form.data.reason)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/applications/${loaded.application.id}`, {
    kind: 'success',
    message: 'Application withdrawn.',
  })
}

export default function ApplicationStatusPage() {
  const { id, status, canWithdraw, allowSkills, summary, files, history } =
    useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(WithdrawSchema, { failure })
  return (
    <>
      <Card title={`Status: ${STATUS_LABELS[status]}`}>
        <ol className="timeline">
          {history.map((h) => (
            <li key={h.id}>
              <Moment iso={h.at} />: {STATUS_LABELS[h.toStatus]}
              {h.actorName ? ` by ${h.actorName}` : ''}
              {h.note ? `. “${h.note}”` : ''}
            </li>
          ))}
        </ol>
      </Card>
      <ApplicationSummary summary={summary} showSkills={allowSkills} />
      <Card title="Files">
        <AttachmentList applicationId={id} files={files} editable={false} />
      </Card>
      {canWithdraw ? (
        <Card title="Withdraw this application">
          <p>
            You can withdraw until the funder decides. Withdrawing cannot be undone: the funder
            stops considering this application, and your group cannot submit another to this
            program.
          </p>
          <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
            <FormError message={form.formError} />
            <TextareaField
              label="Why are you withdrawing?"
              hint="The funder sees this."
              rows={3}
              error={form.errorOf('reason')}
              {...form.field('reason')}
            />
            <ConfirmCheckbox
              name="confirm"
              label="I understand that withdrawing cannot be undone and this application will not be considered."
              error={form.errorOf('confirm')}
              register={form.choice('confirm', CONFIRMED)}
            />
            <Button variant="danger">Withdraw application</Button>
          </Form>
        </Card>
      ) : null}
    </>
  )
}
