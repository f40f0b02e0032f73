import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { Outlet, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { ApplicationStepNav } from '#app/components/application-step-nav.tsx'
import {
  isStepComplete,
  STEP_KEYS,
  stepsFor,
  type ApplicationStep,
} from '#app/domain/applications/application-steps.ts'
import { submissionIssues } from '#app/schemas/applications/application-submission.ts'
import { readApplication } from '#app/services/applications/application-content.server.ts'
import { findOrganizationById } from '#app/services/organizations/organizations.server.ts'
import { requireApplication } from '#app/utils/application-route.server.ts'
import { STATUS_KEYS } from '#app/domain/applications/application-status.ts'
import { currentChangeRequest } from '#app/services/applications/application-changes.server.ts'
import { Moment } from '#app/components/moment.tsx'

export const handle: I18nHandle = { i18n: ['applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireApplication(request, params.id)
  const { application, program, fund, organization, access } = loaded
  const editing = access.side === 'applicant' && access.canEdit
  const read = editing ? await readApplication(loaded) : null
  const issues = read ? submissionIssues(read.context, read.content) : []
  const needsWork = new Set(issues.map((i) => i.step))
  const t = await requestT(request)
  // Sent back for changes: the officer's message stands above every step until resubmitted.
  const request_ =
    editing && application.status === 'changes_requested'
      ? await currentChangeRequest(application.id)
      : null
  const filled: Partial<Record<ApplicationStep, boolean>> = {
    skills: (read?.content.skillRequests.length ?? 0) > 0,
    questions: Object.keys(read?.content.answers ?? {}).length > 0,
  }
  return {
    title: t('applications:shell.pageTitle', { program: program.title }),
    id: application.id,
    status: application.status,
    programTitle: program.title,
    programSlug: program.slug,
    organizationName: organization.name,
    // The funder came from its program's list; give it the way back.
    backToList:
      access.side === 'funder'
        ? `/orgs/${(await findOrganizationById(fund.organizationId))?.slug}/programs/${program.slug}/applications`
        : null,
    editing,
    changeRequest: request_
      ? { message: request_.message, at: request_.at.toISOString(), by: request_.by }
      : null,
    steps: stepsFor(program).map((step) => ({
      step,
      label: t(STEP_KEYS[step]),
      complete: isStepComplete(step, {
        hasIssues: needsWork.has(step),
        saved: application.stepsSaved.includes(step),
        filled: filled[step] ?? false,
      }),
    })),
  }
}

export default function ApplicationLayout() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('applications')
  return (
    <>
      {data.backToList ? (
        <p>
          <Link to={data.backToList}>
            {t('applications:shell.backToList', { program: data.programTitle })}
          </Link>
        </p>
      ) : null}
      <p className="eyebrow">
        {data.organizationName} · <span className="badge">{t(STATUS_KEYS[data.status])}</span>
      </p>
      <h1>{t('applications:shell.title', { program: data.programTitle })}</h1>
      {data.changeRequest ? (
        <section className="card changes-request" aria-labelledby="changes-request-title">
          <h2 id="changes-request-title">{t('applications:changes.bannerTitle')}</h2>
          <p className="hint">
            {data.changeRequest.by
              ? t('applications:changes.bannerBy', { name: data.changeRequest.by })
              : t('applications:changes.bannerByFunder')}{' '}
            <Moment iso={data.changeRequest.at} />
          </p>
          <p className="written">{data.changeRequest.message}</p>
          <p>{t('applications:changes.bannerHelp')}</p>
        </section>
      ) : null}
      {data.editing ? <ApplicationStepNav applicationId={data.id} steps={data.steps} /> : null}
      <Outlet />
    </>
  )
}
