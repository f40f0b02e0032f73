import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { GrantTermFields } from '#app/components/grant-term-fields.tsx'
import { TableFrame } from '#app/components/table.tsx'
import { ChoiceFieldset } from '#app/components/choice-fieldset.tsx'
import { ConfirmCheckbox } from '#app/components/confirm-checkbox.tsx'
import { ContentText } from '#app/components/content-text.tsx'
import { FormError, TextField, TextareaField } from '#app/components/field.tsx'
import { STATUS_KEYS } from '#app/domain/applications/application-status.ts'
import { commentId, DECISION_OUTCOME_KEYS } from '#app/domain/review/decisions.ts'
import { ASSIGNMENT_STATE_KEYS, REVIEWER_KIND_KEYS } from '#app/domain/review/review-states.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters, type Formatters } from '#app/lib/i18n/formatters.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { moneyInputValue } from '#app/lib/money.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { CONFIRMED } from '#app/schemas/confirmation.ts'
import { AwardSchema, ConsensusSchema, DeclineSchema } from '#app/schemas/review/decisions.ts'
import { defaultTerms } from '#app/domain/grants/schedule.ts'
import { db } from '#db/client.server.ts'
import { programToday } from '#app/services/grants/grant-access.server.ts'
import { showCriterion } from '#app/services/programs/program-content.server.ts'
import { applicationScoreSheet, recordConsensus } from '#app/services/review/consensus.server.ts'
import {
  awardApplication,
  declineApplication,
  programBudget,
} from '#app/services/review/decisions.server.ts'
import { programActor, requireOfficerProgram } from '#app/utils/funder-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['decisions', 'review', 'grants'] }

/** The application in the URL, of this program and submitted; anything else is not found. */
async function requireSheet(
  program: Parameters<typeof applicationScoreSheet>[0],
  applicationId: string | undefined,
) {
  const id = z.string().uuid().safeParse(applicationId)
  const sheet = id.success ? await applicationScoreSheet(program, id.data) : null
  if (!sheet) throwNotFound('decisions:refusals.noSuchApplication')
  return sheet
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, fund, organization } = await requireOfficerProgram(request, params)
  const [sheet, reader, budget, today] = await Promise.all([
    requireSheet(program, params.applicationId),
    requestLanguage(request),
    programBudget(program),
    programToday(db(), program.timeZone),
  ])
  const means = new Map(sheet.criterionMeans.map((m) => [m.criterionId, m.mean]))
  return {
    listPath: `/orgs/${organization.slug}/programs/${program.slug}/decisions`,
    currency: fund.currency,
    budget,
    minAwardMinor: program.minAwardMinor,
    // The award form's days: from today in the program's zone, for the default term.
    terms: defaultTerms(today),
    application: sheet.application,
    criteria: sheet.criteria.map((c) => ({
      id: c.id,
      maxScore: c.maxScore,
      weight: c.weight,
      label: showCriterion(c, reader).label,
      mean: means.get(c.id) ?? null,
    })),
    reviews: sheet.reviews.map((r) => ({
      id: r.id,
      reviewer: r.reviewer,
      kind: r.kind ?? 'staff',
      state: r.state,
      score: r.score,
      overallComment: r.overallComment,
      scores: r.scores,
    })),
    mean: sheet.mean,
    locked: sheet.locked,
    consensus: sheet.consensus
      ? {
          original: sheet.consensus.original,
          override: sheet.consensus.override,
          reason: sheet.consensus.reason,
        }
      : null,
    decision: sheet.decision
      ? {
          outcome: sheet.decision.outcome,
          amountMinor: sheet.decision.amountMinor,
          feedback: sheet.decision.feedback,
          decidedAt: sheet.decision.decidedAt.toISOString(),
        }
      : null,
  }
}

const SCHEMAS = { consensus: ConsensusSchema, award: AwardSchema, decline: DeclineSchema } as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireOfficerProgram(request, params)
  const { program, organization } = access
  const sheet = await requireSheet(program, params.applicationId)
  const formData = await readForm(request)
  const intent = formData.get('intent')
  // The application is the one in the URL, whatever the form says.
  formData.set('applicationId', sheet.application.id)
  const schema =
    intent === 'award' || intent === 'decline' || intent === 'consensus'
      ? SCHEMAS[intent]
      : ConsensusSchema
  const form = await parseForm(formData, schema)
  if (!form.ok) return form.response
  const actor = programActor(access, requestOrigin(request, context).ip)
  const input = form.data
  let message: Message
  if (input.intent === 'consensus') {
    const result = await recordConsensus(actor, program, input)
    if (!result.ok) return refuse(result, formData)
    message = 'decisions:flash.consensusRecorded'
  } else if (input.intent === 'award') {
    const result = await awardApplication(actor, program, {
      applicationId: input.applicationId,
      amountMinor: input.amount,
      feedback: input.note,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    })
    if (!result.ok) return refuse(result, formData)
    message = 'decisions:flash.awarded'
  } else {
    const result = await declineApplication(actor, program, input)
    if (!result.ok) return refuse(result, formData)
    message = 'decisions:flash.declined'
  }
  return redirectWithFlash(
    `/orgs/${organization.slug}/programs/${program.slug}/applications/${sheet.application.id}/decision`,
    { kind: 'success', message },
  )
}

/** A 0–100 figure to one decimal; a dash for none. */
const points = (format: Formatters, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : format.number(Math.round(value * 10) / 10)

export default function DecisionPage() {
  const loaded = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('decisions')
  const format = useFormatters()
  const { application, decision, consensus } = loaded
  // Each form shows its own refusal only.
  const failureOf = (intent: string) =>
    failure && failure.values.intent === intent ? failure : undefined
  const consensusForm = useValidatedForm(ConsensusSchema, {
    defaultValues: {
      intent: 'consensus',
      applicationId: application.id,
      override: consensus?.override == null ? '' : String(consensus.override),
      reason: consensus?.reason ?? '',
    },
    failure: failureOf('consensus'),
  })
  const awardForm = useValidatedForm(AwardSchema, {
    defaultValues: {
      intent: 'award',
      applicationId: application.id,
      amount: moneyInputValue(application.amountRequestedMinor),
      ...loaded.terms,
    },
    failure: failureOf('award'),
  })
  const declineForm = useValidatedForm(DeclineSchema, {
    // No comment ticked is an empty list: without it react-hook-form reads an unticked group of
    // checkboxes as `false`, which the schema refuses with no message, and the form never posts.
    defaultValues: { intent: 'decline', applicationId: application.id, sharedCommentIds: [] },
    failure: failureOf('decline'),
  })
  const comments = loaded.reviews.flatMap((r, i) =>
    r.state !== 'submitted'
      ? []
      : [
          ...r.scores
            .filter((s) => s.comment)
            .map((s) => ({
              id: commentId(r.id, s.criterionId),
              label: `${t('decisions:decline.reviewerNumber', { number: i + 1 })} · ${
                loaded.criteria.find((c) => c.id === s.criterionId)?.label.text ?? ''
              }: ${s.comment}`,
            })),
          ...(r.overallComment
            ? [
                {
                  id: commentId(r.id, null),
                  label: `${t('decisions:decline.reviewerNumber', { number: i + 1 })} · ${t(
                    'decisions:decline.overall',
                  )}: ${r.overallComment}`,
                },
              ]
            : []),
        ],
  )
  return (
    <>
      <p>
        <Link to={loaded.listPath}>{t('decisions:page.back')}</Link>
      </p>
      <Card title={t('decisions:page.title', { title: application.title })} headingLevel={3}>
        <dl className="facts">
          <div>
            <dt>{t('decisions:page.organization')}</dt>
            <dd>{application.organization}</dd>
          </div>
          <div>
            <dt>{t('decisions:page.status')}</dt>
            <dd>{t(STATUS_KEYS[application.status])}</dd>
          </div>
          <div>
            <dt>{t('decisions:page.requested')}</dt>
            <dd>
              {application.amountRequestedMinor === null
                ? '—'
                : format.money(application.amountRequestedMinor, loaded.currency)}
            </dd>
          </div>
          <div>
            <dt>{t('decisions:page.remaining')}</dt>
            <dd>{format.money(loaded.budget.remainingMinor, loaded.currency)}</dd>
          </div>
        </dl>
        <p>
          <Link to={`/applications/${application.id}`}>{t('decisions:page.read')}</Link>
        </p>
      </Card>

      <Card title={t('decisions:scores.title')} headingLevel={3}>
        <p>{t(loaded.locked ? 'decisions:scores.locked' : 'decisions:scores.open')}</p>
        {loaded.reviews.length === 0 ? (
          <p>{t('decisions:scores.none')}</p>
        ) : (
          <TableFrame label={t('decisions:scores.caption')}>
            <table>
              <caption>{t('decisions:scores.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('decisions:scores.reviewer')}</th>
                  {loaded.criteria.map((c) => (
                    <th scope="col" key={c.id} className="num">
                      <ContentText shown={c.label} />
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('decisions:scores.score')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {loaded.reviews.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.reviewer}
                      <br />
                      <span className="hint">
                        {t(REVIEWER_KIND_KEYS[r.kind])} · {t(ASSIGNMENT_STATE_KEYS[r.state])}
                      </span>
                    </th>
                    {loaded.criteria.map((c) => {
                      const level = r.scores.find((s) => s.criterionId === c.id)?.level
                      return (
                        <td key={c.id} className="num">
                          {level == null
                            ? '—'
                            : t('decisions:scores.level', {
                                level: format.number(level),
                                max: format.number(c.maxScore),
                              })}
                        </td>
                      )
                    })}
                    <td className="num">{points(format, r.score)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('decisions:scores.mean')}</th>
                  {loaded.criteria.map((c) => (
                    <td key={c.id} className="num">
                      {points(format, c.mean)}
                    </td>
                  ))}
                  <td className="num">{points(format, loaded.mean)}</td>
                </tr>
              </tfoot>
            </table>
          </TableFrame>
        )}
        <p className="hint">{t('decisions:scores.scale')}</p>
      </Card>

      <Card title={t('decisions:consensus.title')} headingLevel={3}>
        {consensus ? (
          <p>
            {consensus.override === null
              ? t('decisions:consensus.acceptedMean', { mean: points(format, consensus.original) })
              : t('decisions:consensus.overridden', {
                  override: points(format, consensus.override),
                  original: points(format, consensus.original),
                  reason: consensus.reason,
                })}
          </p>
        ) : (
          <p>{t('decisions:consensus.none')}</p>
        )}
        {loaded.locked && !decision ? (
          <Form method="post" className="stack" noValidate onSubmit={consensusForm.onSubmit}>
            <FormError message={consensusForm.formError} />
            <input type="hidden" name="intent" value="consensus" />
            <input type="hidden" name="applicationId" value={application.id} />
            <TextField
              label={t('decisions:consensus.override')}
              hint={t('decisions:consensus.overrideHint', { mean: points(format, loaded.mean) })}
              inputMode="decimal"
              error={consensusForm.errorOf('override')}
              {...consensusForm.field('override')}
            />
            <TextareaField
              label={t('decisions:consensus.reason')}
              hint={t('decisions:consensus.reasonHint')}
              rows={3}
              error={consensusForm.errorOf('reason')}
              {...consensusForm.field('reason')}
            />
            <Button>{t('decisions:consensus.record')}</Button>
          </Form>
        ) : !loaded.locked ? (
          <p className="hint">{t('decisions:consensus.waiting')}</p>
        ) : null}
      </Card>

      {decision ? (
        <Card title={t('decisions:decided.title')} headingLevel={3}>
          <p>
            <span className="badge">{t(DECISION_OUTCOME_KEYS[decision.outcome])}</span>{' '}
            {decision.amountMinor !== null
              ? format.money(decision.amountMinor, loaded.currency)
              : null}
          </p>
          {decision.feedback ? <p className="feedback-text">{decision.feedback}</p> : null}
        </Card>
      ) : (
        <>
          <Card title={t('decisions:award.title')} headingLevel={3}>
            <Form method="post" className="stack" noValidate onSubmit={awardForm.onSubmit}>
              <FormError message={awardForm.formError} />
              <input type="hidden" name="intent" value="award" />
              <input type="hidden" name="applicationId" value={application.id} />
              <TextField
                label={t('decisions:award.amount')}
                hint={t('decisions:award.amountHint', {
                  requested:
                    application.amountRequestedMinor === null
                      ? '—'
                      : format.money(application.amountRequestedMinor, loaded.currency),
                  minimum: format.money(loaded.minAwardMinor, loaded.currency),
                  remaining: format.money(loaded.budget.remainingMinor, loaded.currency),
                })}
                inputMode="decimal"
                error={awardForm.errorOf('amount')}
                {...awardForm.field('amount')}
              />
              <GrantTermFields form={awardForm} hint={t('decisions:award.termHint')} />
              <TextareaField
                label={t('decisions:award.feedback')}
                rows={3}
                error={awardForm.errorOf('note')}
                {...awardForm.field('note')}
              />
              <ConfirmCheckbox
                name="confirmAward"
                label={t('decisions:award.confirm')}
                error={awardForm.errorOf('confirmAward')}
                register={awardForm.choice('confirmAward', CONFIRMED)}
              />
              <Button>{t('decisions:award.submit')}</Button>
            </Form>
          </Card>
          <Card title={t('decisions:decline.title')} headingLevel={3}>
            <Form method="post" className="stack" noValidate onSubmit={declineForm.onSubmit}>
              <FormError message={declineForm.formError} />
              <input type="hidden" name="intent" value="decline" />
              <input type="hidden" name="applicationId" value={application.id} />
              <TextareaField
                label={t('decisions:decline.feedback')}
                hint={t('decisions:decline.feedbackHint')}
                rows={5}
                required
                error={declineForm.errorOf('feedback')}
                {...declineForm.field('feedback')}
              />
              {comments.length > 0 ? (
                <ChoiceFieldset
                  legend={t('decisions:decline.share')}
                  hint={t('decisions:decline.shareHint')}
                  name="sharedCommentIds"
                  options={comments.map((c) => ({ value: c.id, label: c.label }))}
                  choice={(value) => declineForm.choice('sharedCommentIds', value)}
                />
              ) : null}
              <ConfirmCheckbox
                name="confirmDecline"
                label={t('decisions:decline.confirm')}
                error={declineForm.errorOf('confirmDecline')}
                register={declineForm.choice('confirmDecline', CONFIRMED)}
              />
              <Button variant="danger">{t('decisions:decline.submit')}</Button>
            </Form>
          </Card>
        </>
      )}
    </>
  )
}
