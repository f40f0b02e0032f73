import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { ASSIGNMENT_STATES, ASSIGNMENT_STATE_KEYS } from '#app/domain/review/review-states.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { ReviewBoardActionSchema } from '#app/schemas/review/review.ts'
import {
  assignManually,
  assignReviewers,
  eligibleReviewersFor,
  unassign,
} from '#app/services/review/assignments.server.ts'
import {
  programProgress,
  remindLateReviewers,
  reviewsAreLate,
} from '#app/services/review/progress.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { LocalTime } from '#app/components/local-time.tsx'
import { reopenReview } from '#app/services/review/reviewing.server.ts'
import { programActor, requireOfficerProgram } from '#app/utils/funder-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['review'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, program } = await requireOfficerProgram(request, params)
  const progress = await programProgress(program)
  // A declared conflict leaves a gap: the least-loaded eligible reviewer is offered for it.
  const needing = progress.applications.filter(
    (a) =>
      a.assignments.some((x) => x.state === 'conflict') &&
      a.assignments.filter((x) => x.state !== 'conflict').length < program.reviewersPerApplication,
  )
  const replacements = Object.fromEntries(
    await Promise.all(
      needing.map(async (a) => {
        const [best] = await eligibleReviewersFor(program, organization.id, a.id)
        return [a.id, best ?? null] as const
      }),
    ),
  )
  const now = await databaseNow()
  return {
    reviewsDue: program.reviewsDueAt
      ? {
          at: program.reviewsDueAt.toISOString(),
          timeZone: program.timeZone,
          passed: reviewsAreLate(program, now),
        }
      : null,
    perApplication: program.reviewersPerApplication,
    blind: program.blindReview,
    ...progress,
    replacements,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireOfficerProgram(request, params)
  const form = await parseForm(request, ReviewBoardActionSchema)
  if (!form.ok) return form.response
  const actor = programActor(access, requestOrigin(request, context).ip)
  const { program } = access
  const input = form.data
  let message: Message
  switch (input.intent) {
    case 'assign-all': {
      const result = await assignReviewers(actor, program)
      if (!result.ok) return refuse(result, form.formData)
      message =
        result.shortages.length > 0
          ? {
              key: 'review:board.assignedShort',
              values: { count: result.assigned, short: result.shortages.length },
            }
          : { key: 'review:board.assigned', values: { count: result.assigned } }
      break
    }
    case 'assign': {
      const result = await assignManually(actor, program, input.applicationId, input.reviewerUserId)
      if (!result.ok) return refuse(result, form.formData)
      message = 'review:board.assignedOne'
      break
    }
    case 'unassign': {
      const result = await unassign(actor, program, input.assignmentId)
      if (!result.ok) return refuse(result, form.formData)
      message = 'review:board.unassigned'
      break
    }
    case 'reopen': {
      const result = await reopenReview(actor, program, input.assignmentId)
      if (!result.ok) return refuse(result, form.formData)
      message = 'review:board.reopened'
      break
    }
    case 'remind': {
      const result = await remindLateReviewers(actor, program)
      if (!result.ok) return refuse(result, form.formData)
      message = { key: 'review:board.reminded', values: { count: result.reminded } }
      break
    }
  }
  return redirectWithFlash(`/orgs/${access.organization.slug}/programs/${program.slug}/review`, {
    kind: 'success',
    message,
  })
}

export default function ReviewBoard() {
  const loaded = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('review')
  const format = useFormatters()
  return (
    <>
      <Card title={t('review:board.title')} headingLevel={3}>
        <FormError message={failure?.errors.form} />
        <p>{t('review:board.intro', { count: loaded.perApplication })}</p>
        <p>
          {loaded.reviewsDue ? (
            <>
              {loaded.reviewsDue.passed ? t('review:board.duePassed') : t('review:board.due')}{' '}
              <strong>
                <LocalTime iso={loaded.reviewsDue.at} timeZone={loaded.reviewsDue.timeZone} />
              </strong>
            </>
          ) : (
            t('review:board.noDue')
          )}
        </p>
        <dl className="facts">
          {ASSIGNMENT_STATES.map((s) => (
            <div key={s}>
              <dt>{t(ASSIGNMENT_STATE_KEYS[s])}</dt>
              <dd>{format.number(loaded.overall[s])}</dd>
            </div>
          ))}
        </dl>
        <Form method="post" className="actions">
          <Button name="intent" value="assign-all">
            {t('review:board.assignAll')}
          </Button>
          <Button variant="secondary" name="intent" value="remind">
            {t('review:board.remind')}
          </Button>
        </Form>
      </Card>
      <Card title={t('review:board.reviewers')} headingLevel={3}>
        {loaded.reviewers.length === 0 ? (
          <EmptyState title={t('review:board.noAssignments')} />
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('review:board.reviewers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review:board.reviewer')}</th>
                {ASSIGNMENT_STATES.map((s) => (
                  <th scope="col" key={s}>
                    {t(ASSIGNMENT_STATE_KEYS[s])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {loaded.reviewers.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">{r.name}</th>
                  {ASSIGNMENT_STATES.map((s) => (
                    <td key={s}>{format.number(r.counts[s])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t('review:board.applications')} headingLevel={3}>
        {loaded.applications.length === 0 ? (
          <EmptyState title={t('review:board.noApplications')} />
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('review:board.applications')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review:board.application')}</th>
                <th scope="col">{t('review:board.assignedReviewers')}</th>
                <th scope="col">{t('review:board.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.applications.map((a) => {
                const replacement = loaded.replacements[a.id]
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.organization}
                      <br />
                      <span className="hint">{a.title}</span>
                    </th>
                    <td>
                      <ul className="plain-list">
                        {a.assignments.map((x) => (
                          <li key={x.id}>
                            {x.reviewer}: {t(ASSIGNMENT_STATE_KEYS[x.state])}
                            {x.state === 'conflict' && x.conflictReason
                              ? ` (${x.conflictReason})`
                              : null}{' '}
                            {x.state === 'submitted' ? (
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="assignmentId" value={x.id} />
                                <Button variant="link" name="intent" value="reopen">
                                  {t('review:board.reopen', { name: x.reviewer })}
                                </Button>
                              </Form>
                            ) : x.state === 'assigned' || x.state === 'declared_no_conflict' ? (
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="assignmentId" value={x.id} />
                                <Button variant="link" name="intent" value="unassign">
                                  {t('review:board.unassign', { name: x.reviewer })}
                                </Button>
                              </Form>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                      {replacement ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="applicationId" value={a.id} />
                          <input type="hidden" name="reviewerUserId" value={replacement.userId} />
                          <Button variant="secondary" name="intent" value="assign">
                            {t('review:board.replaceWith', {
                              name: replacement.name,
                              count: replacement.load,
                            })}
                          </Button>
                        </Form>
                      ) : null}
                    </td>
                    <td>{a.mean === null ? '—' : format.number(Math.round(a.mean))}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </Card>
    </>
  )
}
