import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { ContentText } from '#app/components/content-text.tsx'
import { FormError, TextareaField } from '#app/components/field.tsx'
import { SDOH_KEYS } from '#app/domain/places/sdoh.ts'
import { ASSIGNMENT_STATE_KEYS } from '#app/domain/review/review-states.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useMessage } from '#app/lib/i18n/message.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import {
  commentField,
  DeclarationSchema,
  levelField,
  reviewSchema,
} from '#app/schemas/review/review.ts'
import { showCriterion, showProgram } from '#app/services/programs/program-content.server.ts'
import { listCriteria } from '#app/services/programs/rubrics.server.ts'
import {
  applicationForReview,
  declare,
  findOwnAssignment,
  listScores,
  othersScores,
  saveReview,
} from '#app/services/review/reviewing.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['review', 'funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** The assignment of the signed-in reviewer; anyone else's reads as not found. */
async function requireOwnAssignment(request: Request, assignmentId: string | undefined) {
  const user = await requireUser(request)
  const found = assignmentId ? await findOwnAssignment(assignmentId, user.id) : null
  if (!found) throwNotFound('review:assignment.notFound')
  return { user, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { assignment, program } = await requireOwnAssignment(request, params.assignmentId)
  const [t, reader] = await Promise.all([requestT(request), requestLanguage(request)])
  // Titles and headings name the review by its own id: under blind review nothing identifies
  // the group, and the same holds when it is not blind (one rule is easier to keep).
  const short = assignment.id.slice(0, 8)
  const base = {
    title: t('review:assignment.title', { id: short }),
    short,
    state: assignment.state,
    program: showProgram(program, reader).title,
    blind: program.blindReview,
  }
  const open = assignment.state !== 'assigned' && assignment.state !== 'conflict'
  if (!open) return { ...base, review: null }
  const [application, criteria, scores, others] = await Promise.all([
    applicationForReview(assignment.applicationId, program.blindReview),
    listCriteria(program.id),
    listScores(assignment.id),
    othersScores(assignment, program),
  ])
  if (!application) throwNotFound('review:assignment.notFound')
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s]))
  return {
    ...base,
    review: {
      application,
      overallComment: assignment.overallComment,
      criteria: criteria.map((c) => ({
        id: c.id,
        maxScore: c.maxScore,
        weight: c.weight,
        shown: showCriterion(c, reader),
        levels: c.levels.map((l) => l.score),
        level: byCriterion.get(c.id)?.level ?? null,
        comment: byCriterion.get(c.id)?.comment ?? '',
        others: (others ?? []).filter((o) => o.criterionId === c.id).map((o) => o.level),
      })),
      showOthers: others !== null,
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, assignment, program } = await requireOwnAssignment(request, params.assignmentId)
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const formData = await readForm(request)
  const here = `/reviews/${assignment.id}`
  if (formData.has('declaration')) {
    const form = await parseForm(formData, DeclarationSchema)
    if (!form.ok) return form.response
    const result = await declare(actor, assignment.id, form.data)
    if (!result.ok) return refuse(result, formData)
    return redirectWithFlash(result.conflict ? '/reviews' : here, {
      kind: 'success',
      message: result.conflict ? 'review:gate.conflictRecorded' : 'review:gate.noConflictRecorded',
    })
  }
  const criteria = await listCriteria(program.id)
  const form = await parseForm(formData, reviewSchema(criteria))
  if (!form.ok) return form.response
  const result = await saveReview(actor, assignment.id, form.data)
  if (!result.ok) return refuse(result, formData)
  return redirectWithFlash(here, {
    kind: 'success',
    message: result.submitted ? 'review:score.submitted' : 'review:score.saved',
  })
}

export default function ReviewAssignment() {
  const loaded = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('review')
  return (
    <>
      <p className="eyebrow">
        <Link to="/reviews">{t('review:queue.title')}</Link> ·{' '}
        <ContentText shown={loaded.program} />
      </p>
      <h1>{t('review:assignment.title', { id: loaded.short })}</h1>
      <p>
        <span className="badge">{t(ASSIGNMENT_STATE_KEYS[loaded.state])}</span>
        {loaded.blind ? <> {t('review:assignment.blind')}</> : null}
      </p>
      {loaded.state === 'assigned' ? (
        <Gate failure={failure && 'values' in failure ? failure : undefined} />
      ) : loaded.state === 'conflict' ? (
        <p>{t('review:gate.conflictDone')}</p>
      ) : loaded.review ? (
        <Scoring
          review={loaded.review}
          submitted={loaded.state === 'submitted'}
          failure={failure && 'values' in failure ? failure : undefined}
        />
      ) : null}
    </>
  )
}

/** The conflict-of-interest gate: nothing of the application is on the page before it. */
function Gate({ failure }: { failure: FormFailure | undefined }) {
  const { t } = useTranslation('review')
  const navigation = useNavigation()
  const form = useValidatedForm(DeclarationSchema, { failure })
  return (
    <Card title={t('review:gate.title')}>
      <p>{t('review:gate.intro')}</p>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <fieldset>
          <legend>{t('review:gate.question')}</legend>
          <label className="choice">
            <input type="radio" {...form.choice('declaration', 'none')} /> {t('review:gate.none')}
          </label>
          <label className="choice">
            <input type="radio" {...form.choice('declaration', 'conflict')} />{' '}
            {t('review:gate.conflict')}
          </label>
        </fieldset>
        <TextareaField
          label={t('review:gate.reason')}
          hint={t('review:gate.reasonHint')}
          error={form.errorOf('reason')}
          {...form.field('reason')}
        />
        <div className="actions">
          <Button busy={navigation.state === 'submitting'}>{t('review:gate.declare')}</Button>
        </div>
      </Form>
    </Card>
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Review = NonNullable<Loaded['review']>

function Scoring({
  review,
  submitted,
  failure,
}: {
  review: Review
  submitted: boolean
  failure: FormFailure | undefined
}) {
  const { t } = useTranslation('review')
  const tm = useMessage()
  const format = useFormatters()
  const navigation = useNavigation()
  const { application } = review
  const schema = useMemo(() => reviewSchema(review.criteria), [review.criteria])
  const defaultValues = useMemo(() => {
    const values: Record<string, string> = { overallComment: review.overallComment }
    for (const c of review.criteria) {
      values[levelField(c.id)] = c.level === null ? '' : String(c.level)
      values[commentField(c.id)] = c.comment
    }
    return values
  }, [review])
  const form = useValidatedForm(schema, { failure, defaultValues })
  const formRef = useRef<HTMLFormElement>(null)
  useNumberKeys(formRef)
  return (
    <div className="review-layout">
      <Card title={t('review:assignment.application')}>
        {application.identity ? (
          <dl className="facts">
            <dt>{t('review:assignment.organization')}</dt>
            <dd>{application.identity.organization}</dd>
            <dt>{t('review:assignment.contact')}</dt>
            <dd>
              {application.identity.contactName} {application.identity.contactEmail}
            </dd>
            {application.identity.website ? (
              <>
                <dt>{t('review:assignment.website')}</dt>
                <dd>{application.identity.website}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <h3>{application.title}</h3>
        <p>{application.summary}</p>
        <dl className="facts">
          <dt>{t('review:assignment.community')}</dt>
          <dd>{application.communityServed}</dd>
          <dt>{t('review:assignment.leadership')}</dt>
          <dd>{application.leadership}</dd>
          <dt>{t('review:assignment.livedExperience')}</dt>
          <dd>{application.ledByLivedExperience}</dd>
          <dt>{t('review:assignment.domains')}</dt>
          <dd>
            {application.sdohDomains
              .map((d) => (d in SDOH_KEYS ? t(SDOH_KEYS[d as keyof typeof SDOH_KEYS]) : d))
              .join(', ')}
          </dd>
          <dt>{t('review:assignment.request')}</dt>
          <dd>
            {application.amountRequestedMinor === null
              ? '—'
              : format.money(application.amountRequestedMinor)}
          </dd>
          <dt>{t('review:assignment.vulnerability')}</dt>
          <dd>
            {application.placeVulnerability === null
              ? '—'
              : format.percent(application.placeVulnerability)}
          </dd>
        </dl>
        {application.budgetLines.length ? (
          <ul aria-label={t('review:assignment.budget')}>
            {application.budgetLines.map((line, i) => (
              <li key={i}>
                {line.description}: {format.money(line.amountMinor)}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <Card title={t('review:score.title')}>
        <p className="hint">{t('review:score.keys')}</p>
        <Form
          method="post"
          className="stack"
          noValidate
          ref={formRef}
          onSubmit={(event) => {
            const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement
            form.setValue('intent', submitter?.value ?? 'save')
            form.onSubmit(event)
          }}
        >
          <FormError message={form.formError} />
          {review.criteria.map((c) => {
            const error = form.errorOf(levelField(c.id))
            return (
              <fieldset
                key={c.id}
                className="criterion"
                data-criterion
                aria-describedby={error ? `${levelField(c.id)}-error` : undefined}
              >
                <legend>
                  <ContentText shown={c.shown.label} />{' '}
                  <span className="hint">{t('review:score.weight', { weight: c.weight })}</span>
                </legend>
                {c.shown.description.text ? <p>{c.shown.description.text}</p> : null}
                {error ? (
                  <p className="field-error" id={`${levelField(c.id)}-error`}>
                    {tm(error)}
                  </p>
                ) : null}
                {c.levels.map((level, i) => (
                  <label className="choice" key={level}>
                    <input
                      type="radio"
                      disabled={submitted}
                      {...form.choice(levelField(c.id), String(level))}
                    />{' '}
                    <strong>{level}</strong> —{' '}
                    <span lang={c.shown.guidance[i]?.lang}>{c.shown.guidance[i]?.text}</span>
                  </label>
                ))}
                {review.showOthers ? (
                  <p className="hint">
                    {t('review:score.others', {
                      levels: c.others.length ? c.others.join(', ') : '—',
                    })}
                  </p>
                ) : null}
                <TextareaField
                  label={t('review:score.comment')}
                  rows={2}
                  disabled={submitted}
                  error={form.errorOf(commentField(c.id))}
                  {...form.field(commentField(c.id))}
                />
              </fieldset>
            )
          })}
          <TextareaField
            label={t('review:score.overall')}
            disabled={submitted}
            error={form.errorOf('overallComment')}
            {...form.field('overallComment')}
          />
          {submitted ? (
            <p>{t('review:score.submittedNote')}</p>
          ) : (
            <div className="actions">
              <Button
                variant="secondary"
                name="intent"
                value="save"
                busy={navigation.state === 'submitting'}
              >
                {t('review:score.save')}
              </Button>
              <Button name="intent" value="submit" busy={navigation.state === 'submitting'}>
                {t('review:score.submit')}
              </Button>
            </div>
          )}
        </Form>
      </Card>
    </div>
  )
}

/**
 * Number keys pick a level of the criterion that has focus (or of the first one when focus is
 * elsewhere in the form): "3" checks level 3. Without JavaScript the radios work as they are.
 */
function useNumberKeys(formRef: React.RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const form = formRef.current
    if (!form) return
    function onKey(event: KeyboardEvent) {
      if (!/^[0-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target as HTMLElement
      if (
        target.tagName === 'TEXTAREA' ||
        (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')
      )
        return
      const fieldset = target.closest('[data-criterion]') ?? form?.querySelector('[data-criterion]')
      const radio = fieldset?.querySelector<HTMLInputElement>(
        `input[type="radio"][value="${event.key === '0' ? '10' : event.key}"]`,
      )
      if (!radio || radio.disabled) return
      event.preventDefault()
      radio.click()
      radio.focus()
    }
    form.addEventListener('keydown', onKey)
    return () => form.removeEventListener('keydown', onKey)
  }, [formRef])
}
