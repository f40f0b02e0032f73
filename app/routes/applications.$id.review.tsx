import { requestLanguage } from '#app/utils/i18n.server.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useMessage } from '#app/lib/i18n/message.ts'
import { isAcceptingApplications } from '#app/domain/programs/program-status.ts'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useMemo } from 'react'
import { ApplicationSummary } from '#app/components/application-summary.tsx'
import { AttachmentList } from '#app/components/attachment-list.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { STEP_KEYS } from '#app/domain/applications/application-steps.ts'
import { submissionIssues } from '#app/schemas/applications/application-submission.ts'
import { submitApplication } from '#app/services/applications/application-submission.server.ts'
import { readApplication } from '#app/services/applications/application-content.server.ts'
import { listAttachments } from '#app/services/applications/attachments.server.ts'
import { requireApplication } from '#app/utils/application-route.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { z } from 'zod'
import { ConfirmCheckbox } from '#app/components/confirm-checkbox.tsx'
import { CONFIRMED, confirmation } from '#app/schemas/confirmation.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

const SubmitSchema = z.object({
  version: z.coerce.number().int(),
  confirm: confirmation('applications:review.confirmRequired'),
})

export const handle: I18nHandle = { i18n: ['applications'] }

async function requireDraft(request: Request, id: string | undefined) {
  const found = await requireApplication(request, id)
  const { access, application } = found.loaded
  if (access.side !== 'applicant' || !access.canEdit)
    throw redirect(`/applications/${application.id}`)
  return found
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireDraft(request, params.id)
  const { application: a, program } = loaded
  const [{ summary, context, content }, files] = await Promise.all([
    readApplication(loaded, await requestLanguage(request)),
    listAttachments(a.id),
  ])
  return {
    id: a.id,
    version: a.version,
    summary,
    // The browser runs the same submission check as the submit action, on the same data.
    check: { context, content },
    files,
    allowSkills: program.allowSkillRequests,
    // Sent back for changes: the funder asked for it, so the program's deadline does not apply.
    resubmitting: a.status === 'changes_requested',
    open: a.status === 'changes_requested' || isAcceptingApplications(program, await databaseNow()),
    closesAt: program.closesAt?.toISOString() ?? null,
    timeZone: program.timeZone,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, loaded } = await requireDraft(request, params.id)
  const form = await parseForm(request, SubmitSchema)
  if (!form.ok) return form.response
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const result = await submitApplication(actor, loaded, form.data.version)
  if (result.ok) {
    return redirectWithFlash(`/applications/${loaded.application.id}`, {
      kind: 'success',
      message:
        loaded.application.status === 'changes_requested'
          ? 'common:flash.applicationResubmitted'
          : 'common:flash.applicationSubmitted',
    })
  }
  // What is missing is listed step by step, each with a link to its step; any other refusal
  // shows above the form like every form's.
  if (result.reason === 'incomplete') {
    return data({ message: result.message, issues: result.issues }, { status: 400 })
  }
  return refuse(result, form.formData)
}

export default function Review() {
  const {
    id,
    version,
    summary,
    check,
    files,
    allowSkills,
    open,
    resubmitting,
    closesAt,
    timeZone,
  } = useLoaderData<typeof loader>()
  const issues = useMemo(() => submissionIssues(check.context, check.content), [check])
  const answer = useActionData<typeof action>()
  // A refused confirmation or submission comes back as form errors; missing parts as issues.
  const refused = answer && 'issues' in answer ? answer : undefined
  const form = useValidatedForm(SubmitSchema, {
    defaultValues: { version },
    failure: answer && 'errors' in answer ? answer : undefined,
  })
  const navigation = useNavigation()
  const shown = refused?.issues.length ? refused.issues : issues
  const { t } = useTranslation('applications')
  const tm = useMessage()
  const format = useFormatters()
  return (
    <>
      <Card title={t('applications:review.title')}>
        {closesAt && !resubmitting ? (
          <p>
            {t('applications:review.deadline')}{' '}
            <strong>{format.dateTime(closesAt, timeZone)}</strong>
          </p>
        ) : null}
        <FormError message={refused?.message ?? form.formError} />
        {shown.length ? (
          <>
            <p>{t('applications:review.needsAttention', { count: shown.length })}</p>
            <ul className="issues">
              {shown.map((issue, i) => (
                <li key={i}>
                  <Link to={`/applications/${id}/${issue.step}`}>
                    {issue.step === 'review'
                      ? tm(issue.message)
                      : t('applications:review.issue', {
                          step: t(STEP_KEYS[issue.step]),
                          message: tm(issue.message),
                        })}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('applications:review.complete')}</p>
        )}
        {!open ? <p className="form-error">{t('applications:review.notOpen')}</p> : null}
        <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
          <input type="hidden" {...form.field('version')} />
          {open && shown.length === 0 ? (
            <ConfirmCheckbox
              name="confirm"
              label={
                resubmitting
                  ? t('applications:review.confirmResubmit')
                  : t('applications:review.confirm')
              }
              error={form.errorOf('confirm')}
              register={form.choice('confirm', CONFIRMED)}
            />
          ) : null}
          <div className="actions">
            <Button busy={navigation.state === 'submitting'} disabled={!open || shown.length > 0}>
              {resubmitting ? t('applications:review.resubmit') : t('applications:review.submit')}
            </Button>
          </div>
        </Form>
      </Card>
      <ApplicationSummary
        summary={summary}
        editBase={`/applications/${id}`}
        showSkills={allowSkills}
      />
      <Card title={t('applications:overview.files')}>
        <AttachmentList applicationId={id} files={files} editable={false} />
      </Card>
    </>
  )
}
