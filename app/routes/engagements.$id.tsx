import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { EngagementForm } from '#app/components/engagement-form.tsx'
import { zoneName } from '#app/components/program-details-fields.tsx'
import { SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import {
  CHECK_IN_CADENCE_KEYS,
  CHECK_IN_CADENCES,
  checkInState,
  MAX_CHECK_INS,
  type CheckInState,
} from '#app/domain/engagements/check-ins.ts'
import {
  CANCELLABLE_STATUSES,
  CHECK_IN_PROGRESS,
  CHECK_IN_PROGRESS_KEYS,
  ENGAGEMENT_STATUS_KEYS,
  HOURS_STATUS_KEYS,
  PROPOSERS,
} from '#app/domain/engagements/engagement-status.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import {
  CancelSchema,
  CheckInPlanSchema,
  CheckInSchema,
  planDates,
  CompleteSchema,
  LogHoursSchema,
  RateSchema,
  RespondSchema,
  ReviewHoursSchema,
  StartSchema,
} from '#app/schemas/engagements/engagement.ts'
import { engagementFor } from '#app/services/engagements/engagement-views.server.ts'
import { checkIn, planCheckIns } from '#app/services/engagements/check-ins.server.ts'
import {
  cancel,
  complete,
  rate,
  respond,
  start,
} from '#app/services/engagements/engagements.server.ts'
import { logHours, reviewHours } from '#app/services/engagements/hours.server.ts'
import type { Result } from '#app/domain/result.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

// The zones' names are the funder's words (as on a request's page).
export const handle: I18nHandle = { i18n: ['engagements', 'funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const seen = await engagementFor(user.id, params.id ?? '')
  // Anyone on neither side learns nothing, not even that the engagement exists.
  if (!seen) throwNotFound('engagements:refusals.noSuchEngagement')
  const e = seen.engagement
  return {
    title: e.requestTitle,
    sides: seen.sides,
    mayAnswer: seen.mayAnswer,
    groupName: seen.groupName,
    volunteerName: seen.volunteerName,
    volunteerProfileId: e.profileId,
    goal: seen.requestGoal,
    deliverable: seen.requestDeliverable,
    engagement: {
      status: e.status,
      proposedBy: e.proposedBy,
      message: e.message,
      responseMessage: e.responseMessage,
      respondBy: e.respondBy.toISOString(),
      handoffNote: e.handoffNote,
      cancelReason: e.cancelReason,
    },
    contact: seen.contact,
    hours: seen.hours,
    // Each agreed check-in with where it stands today: upcoming, due, late, overdue or recorded.
    checkins: seen.checkins.map((c) => ({ ...c, state: checkInState(c, seen.today) })),
    // The request's zone: the dates are its days, and the page says so.
    timeZone: seen.timeZone,
    rated: seen.rated,
    inKind: seen.inKind,
  }
}

const FLASH: Record<string, Message> = {
  accept: 'engagements:flash.accepted',
  decline: 'engagements:flash.declined',
  start: 'engagements:flash.started',
  checkin: 'engagements:flash.checkedIn',
  plan: 'engagements:flash.planned',
  hours: 'engagements:flash.logged',
  verify: 'engagements:flash.verified',
  question: 'engagements:flash.questioned',
  complete: 'engagements:flash.completed',
  cancel: 'engagements:flash.cancelled',
  rate: 'engagements:flash.rated',
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const id = params.id ?? ''
  // Anyone on neither side gets the same 404 whatever they post.
  if (!(await engagementFor(user.id, id))) throwNotFound('engagements:refusals.noSuchEngagement')
  const formData = await readForm(request)
  const intent = String(formData.get('intent') ?? '')
  const done = () =>
    redirectWithFlash(`/engagements/${id}`, {
      kind: 'success',
      message: FLASH[intent] ?? 'engagements:flash.started',
    })
  const run = async <S extends z.ZodTypeAny>(
    schema: S,
    act: (values: z.output<S>) => Promise<Result>,
  ) => {
    const form = await parseForm(formData, schema)
    if (!form.ok) return form.response
    const result = await act(form.data)
    return result.ok ? done() : refuse(result, formData)
  }
  switch (intent) {
    case 'accept':
    case 'decline':
      return run(RespondSchema, (v) =>
        respond(actor, id, v.intent, v.message, {
          dates: v.intent === 'accept' ? planDates(v) : [],
          field: v.dates ? 'dates' : 'firstOn',
        }),
      )
    case 'plan':
      return run(CheckInPlanSchema, (v) =>
        planCheckIns(actor, id, { dates: planDates(v), field: v.dates ? 'dates' : 'firstOn' }),
      )
    case 'start': {
      // Nothing to fill in: the button is the whole form.
      const started = await start(actor, id)
      return started.ok ? done() : refuse(started, formData)
    }
    case 'checkin':
      return run(CheckInSchema, (v) => checkIn(actor, id, v))
    case 'hours':
      return run(LogHoursSchema, (v) =>
        logHours(actor, id, { workedOn: v.workedOn, minutes: v.hours, note: v.note }),
      )
    case 'verify':
    case 'question':
      return run(ReviewHoursSchema, (v) => reviewHours(actor, v.hoursId, v.intent, v.questionNote))
    case 'complete':
      return run(CompleteSchema, (v) => complete(actor, id, v.handoffNote))
    case 'cancel':
      return run(CancelSchema, (v) => cancel(actor, id, v.cancelReason))
    case 'rate':
      return run(RateSchema, (v) => rate(actor, id, v.side, { stars: v.stars, note: v.note }))
    default:
      return formFailure({ form: 'common:errors.notDone' }, formData)
  }
}

export default function EngagementPage() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('engagements')
  const format = useFormatters()
  const e = data.engagement
  const status = e.status
  const hoursText = (minutes: number) =>
    t('engagements:hours.amount', { hours: format.number(minutes / 60) })
  return (
    <>
      <p className="eyebrow">{t('engagements:page.eyebrow')}</p>
      <h1>{data.title}</h1>
      <p>
        <span className="badge">
          {t('engagements:page.status', { status: t(ENGAGEMENT_STATUS_KEYS[status]) })}
        </span>
      </p>
      <Card actions={<Link to="/engagements">{t('engagements:title')}</Link>}>
        <dl className="details">
          <dt>{t('engagements:page.group')}</dt>
          <dd>{data.groupName}</dd>
          <dt>{t('engagements:page.volunteer')}</dt>
          <dd>
            {data.sides.group ? (
              <Link to={`/volunteers/${data.volunteerProfileId}`}>{data.volunteerName}</Link>
            ) : (
              data.volunteerName
            )}
          </dd>
          {data.goal ? (
            <>
              <dt>{t('engagements:page.goal')}</dt>
              <dd className="prewrap">{data.goal}</dd>
            </>
          ) : null}
          {data.deliverable ? (
            <>
              <dt>{t('engagements:page.deliverable')}</dt>
              <dd className="prewrap">{data.deliverable}</dd>
            </>
          ) : null}
        </dl>
        <p>
          {e.proposedBy === 'volunteer'
            ? t('engagements:page.proposedByVolunteer', { name: data.volunteerName })
            : t('engagements:page.proposedByGroup', { name: data.groupName })}
        </p>
        {e.message ? (
          <blockquote aria-label={t('engagements:page.message')} className="prewrap">
            {e.message}
          </blockquote>
        ) : null}
        {e.responseMessage ? (
          <blockquote aria-label={t('engagements:page.response')} className="prewrap">
            {e.responseMessage}
          </blockquote>
        ) : null}
        {e.handoffNote ? (
          <>
            <h3>{t('engagements:page.handoff')}</h3>
            <p className="prewrap">{e.handoffNote}</p>
          </>
        ) : null}
        {e.cancelReason ? (
          <>
            <h3>{t('engagements:page.cancelReason')}</h3>
            <p className="prewrap">{e.cancelReason}</p>
          </>
        ) : null}
      </Card>

      {status === 'proposed' ? (
        <Card title={t('engagements:respond.title')}>
          <p>
            {t('engagements:page.respondBy')}: {format.dateTime(e.respondBy)}
          </p>
          {data.mayAnswer ? (
            <EngagementForm
              schema={RespondSchema}
              intents={['accept', 'decline']}
              failure={failure}
            >
              {(form) => (
                <>
                  <TextareaField
                    label={t('engagements:respond.message')}
                    error={form.errorOf('message')}
                    {...form.field('message')}
                  />
                  <PlanFields form={form} legend={t('engagements:plan.onAccept')} />
                  <div className="actions">
                    <Button name="intent" value="accept">
                      {t('engagements:respond.accept')}
                    </Button>
                    <Button name="intent" value="decline" variant="secondary">
                      {t('engagements:respond.decline')}
                    </Button>
                  </div>
                </>
              )}
            </EngagementForm>
          ) : (
            <p className="hint">{t('engagements:respond.waiting')}</p>
          )}
        </Card>
      ) : null}

      <Card title={t('engagements:page.contact')}>
        {data.contact ? (
          <dl className="details">
            <dt>{t('engagements:page.volunteerEmail')}</dt>
            <dd>
              <a href={`mailto:${data.contact.volunteerEmail}`}>{data.contact.volunteerEmail}</a>
            </dd>
            <dt>{t('engagements:page.groupEmail')}</dt>
            <dd>
              {data.contact.groupEmail ? (
                <a href={`mailto:${data.contact.groupEmail}`}>{data.contact.groupEmail}</a>
              ) : (
                t('engagements:page.noGroupEmail')
              )}
            </dd>
          </dl>
        ) : (
          <p className="hint">{t('engagements:page.contactHidden')}</p>
        )}
      </Card>

      <Card title={t('engagements:inKind.title')}>
        <p data-testid="in-kind">
          {data.inKind.verifiedMinutes > 0
            ? t('engagements:inKind.value', {
                value: format.money(data.inKind.valueMinor, data.inKind.currency),
                hours: format.number(data.inKind.verifiedMinutes / 60),
              })
            : t('engagements:inKind.none')}
        </p>
      </Card>

      {status === 'accepted' ? (
        <Card title={t('engagements:start.title')}>
          <EngagementForm schema={StartSchema} intents={['start']} failure={failure}>
            {() => (
              <>
                <p className="hint">{t('engagements:start.hint')}</p>
                <div>
                  <Button name="intent" value="start">
                    {t('engagements:start.submit')}
                  </Button>
                </div>
              </>
            )}
          </EngagementForm>
        </Card>
      ) : null}

      <Card title={t('engagements:hours.title')}>
        {data.hours.length === 0 ? (
          <p>{t('engagements:hours.none')}</p>
        ) : (
          <ul className="plain-list stack">
            {data.hours.map((h) => (
              <li key={h.id}>
                <p>
                  <strong>{format.date(`${h.workedOn}T12:00:00Z`)}</strong> · {hoursText(h.minutes)}{' '}
                  · <span className="badge">{t(HOURS_STATUS_KEYS[h.status])}</span>
                </p>
                {h.note ? <p className="prewrap">{h.note}</p> : null}
                {h.questionNote ? (
                  <p>{t('engagements:hours.questioned', { note: h.questionNote })}</p>
                ) : null}
                {data.sides.group && !data.sides.volunteer && h.status !== 'verified' ? (
                  <EngagementForm
                    schema={ReviewHoursSchema}
                    intents={['verify', 'question']}
                    failure={failure}
                    rowId={h.id}
                  >
                    {(form) => (
                      <>
                        <TextareaField
                          id={`question-${h.id}`}
                          rows={2}
                          label={t('engagements:hours.questionNote')}
                          error={form.errorOf('questionNote')}
                          {...form.field('questionNote')}
                        />
                        <div className="actions">
                          <Button name="intent" value="verify">
                            {t('engagements:hours.verify')}
                          </Button>
                          <Button name="intent" value="question" variant="secondary">
                            {t('engagements:hours.question')}
                          </Button>
                        </div>
                      </>
                    )}
                  </EngagementForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {data.sides.volunteer && status === 'active' ? (
          <EngagementForm schema={LogHoursSchema} intents={['hours']} failure={failure}>
            {(form) => (
              <>
                <TextField
                  type="date"
                  required
                  label={t('engagements:hours.date')}
                  error={form.errorOf('workedOn')}
                  {...form.field('workedOn')}
                />
                <TextField
                  inputMode="decimal"
                  required
                  label={t('engagements:hours.hours')}
                  error={form.errorOf('hours')}
                  {...form.field('hours')}
                />
                <TextareaField
                  id="field-hours-note"
                  rows={2}
                  label={t('engagements:hours.note')}
                  error={form.errorOf('note')}
                  {...form.field('note')}
                />
                <div>
                  <Button name="intent" value="hours">
                    {t('engagements:hours.submit')}
                  </Button>
                </div>
              </>
            )}
          </EngagementForm>
        ) : null}
      </Card>

      <Card title={t('engagements:checkin.title')}>
        <p className="hint" data-testid="check-in-zone">
          {t('engagements:checkin.zone', { zone: zoneName(t, data.timeZone) })}
        </p>
        {data.checkins.length === 0 ? (
          <p>{t('engagements:checkin.none')}</p>
        ) : (
          <ul className="plain-list stack" data-testid="check-ins">
            {data.checkins.map((c) => (
              <li key={c.id}>
                <p>
                  <strong>{format.date(`${c.dueOn ?? c.checkedOn}T12:00:00Z`)}</strong> ·{' '}
                  <span className={c.state === 'overdue' ? 'badge badge-warning' : 'badge'}>
                    {t(CHECK_IN_STATE_KEYS[c.state])}
                  </span>
                  {c.progress ? <> · {t(CHECK_IN_PROGRESS_KEYS[c.progress])}</> : null}
                  {!c.progress && c.checkedOn ? (
                    <> · {c.onTrack ? t('engagements:checkin.yes') : t('engagements:checkin.no')}</>
                  ) : null}
                </p>
                {c.dueOn && c.checkedOn && c.checkedOn !== c.dueOn ? (
                  <p className="hint">
                    {t('engagements:checkin.recordedOn', {
                      date: format.date(`${c.checkedOn}T12:00:00Z`),
                    })}
                  </p>
                ) : null}
                {c.note ? <p className="prewrap">{c.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {status === 'accepted' || status === 'active' ? (
          <>
            <h3>{t('engagements:checkin.record')}</h3>
            <EngagementForm schema={CheckInSchema} intents={['checkin']} failure={failure}>
              {(form) => (
                <>
                  <TextField
                    id="field-checkin-date"
                    type="date"
                    required
                    label={t('engagements:checkin.date')}
                    error={form.errorOf('checkedOn')}
                    {...form.field('checkedOn')}
                  />
                  <SelectField
                    required
                    label={t('engagements:checkin.progressLabel')}
                    placeholder=""
                    options={CHECK_IN_PROGRESS.map((p) => ({
                      value: p,
                      label: t(CHECK_IN_PROGRESS_KEYS[p]),
                    }))}
                    error={form.errorOf('progress')}
                    {...form.field('progress')}
                  />
                  <TextareaField
                    id="field-checkin-note"
                    rows={2}
                    label={t('engagements:checkin.note')}
                    error={form.errorOf('note')}
                    {...form.field('note')}
                  />
                  <div>
                    <Button name="intent" value="checkin" variant="secondary">
                      {t('engagements:checkin.submit')}
                    </Button>
                  </div>
                </>
              )}
            </EngagementForm>
            <h3>{t('engagements:plan.title')}</h3>
            <EngagementForm schema={CheckInPlanSchema} intents={['plan']} failure={failure}>
              {(form) => (
                <>
                  <p className="hint">{t('engagements:plan.hint')}</p>
                  <PlanFields form={form} legend={t('engagements:plan.legend')} />
                  <div>
                    <Button name="intent" value="plan" variant="secondary">
                      {t('engagements:plan.submit')}
                    </Button>
                  </div>
                </>
              )}
            </EngagementForm>
          </>
        ) : null}
      </Card>

      {status === 'active' ? (
        <NoteFormCard
          title={t('engagements:complete.title')}
          schema={CompleteSchema}
          name="handoffNote"
          label={t('engagements:complete.handoffNote')}
          intent="complete"
          submit={t('engagements:complete.submit')}
          failure={failure}
        />
      ) : null}

      {CANCELLABLE_STATUSES.includes(status) ? (
        <NoteFormCard
          title={t('engagements:cancel.title')}
          schema={CancelSchema}
          name="cancelReason"
          label={t('engagements:cancel.reason')}
          rows={2}
          intent="cancel"
          submit={t('engagements:cancel.submit')}
          variant="danger"
          failure={failure}
        />
      ) : null}

      {status === 'completed' ? (
        <Card title={t('engagements:rate.title')}>
          <p className="hint">{t('engagements:rate.hint')}</p>
          {PROPOSERS.filter((side) => data.sides[side]).map((side) =>
            data.rated.includes(side) ? (
              <p key={side}>{t('engagements:rate.done')}</p>
            ) : (
              <EngagementForm
                key={side}
                schema={RateSchema}
                intents={['rate']}
                failure={failure}
                defaultValues={{ side }}
              >
                {(form) => (
                  <>
                    <input type="hidden" {...form.field('side')} />
                    <TextField
                      id={`stars-${side}`}
                      type="number"
                      min={1}
                      max={5}
                      required
                      label={t('engagements:rate.stars')}
                      error={form.errorOf('stars')}
                      {...form.field('stars')}
                    />
                    <TextareaField
                      id={`rate-note-${side}`}
                      rows={2}
                      label={t('engagements:rate.note')}
                      error={form.errorOf('note')}
                      {...form.field('note')}
                    />
                    <div>
                      <Button name="intent" value="rate">
                        {t('engagements:rate.submit')}
                      </Button>
                    </div>
                  </>
                )}
              </EngagementForm>
            ),
          )}
        </Card>
      ) : null}
    </>
  )
}

const CHECK_IN_STATE_KEYS: Record<CheckInState, string> = {
  recorded: 'engagements:checkin.state.recorded',
  upcoming: 'engagements:checkin.state.upcoming',
  due: 'engagements:checkin.state.due',
  late: 'engagements:checkin.state.late',
  overdue: 'engagements:checkin.state.overdue',
}

/**
 * A card whose one form holds one required note and the button that posts it with its intent:
 * completing (the hand-off note) and cancelling (the reason) take the same shape.
 */
function NoteFormCard<N extends string>({
  title,
  schema,
  name,
  label,
  rows,
  intent,
  submit,
  variant,
  failure,
}: {
  title: string
  schema: z.ZodType<Record<N, string>, z.ZodTypeDef, Record<N, string>>
  name: N
  label: string
  rows?: number
  intent: string
  submit: string
  variant?: ComponentProps<typeof Button>['variant']
  failure: FormFailure | null | undefined
}) {
  return (
    <Card title={title}>
      <EngagementForm schema={schema} intents={[intent]} failure={failure}>
        {(form) => (
          <>
            <TextareaField
              required
              rows={rows}
              label={label}
              error={form.errorOf(name)}
              // The schema's type makes `name` its one field; a generic name is no path to the form.
              {...form.field(name as never)}
            />
            <div>
              <Button name="intent" value={intent} variant={variant}>
                {submit}
              </Button>
            </div>
          </>
        )}
      </EngagementForm>
    </Card>
  )
}

/** The check-in plan's fields, shared by the accept form and the plan form (same names). */
function PlanFields({
  form,
  legend,
}: {
  form: {
    field: (name: 'cadence' | 'firstOn' | 'count' | 'dates') => object
    errorOf: (name: string) => Message | undefined
  }
  legend: string
}) {
  const { t } = useTranslation('engagements')
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <SelectField
        label={t('engagements:plan.cadenceLabel')}
        options={CHECK_IN_CADENCES.map((c) => ({ value: c, label: t(CHECK_IN_CADENCE_KEYS[c]) }))}
        error={form.errorOf('cadence')}
        {...(form.field('cadence') as { name: string })}
      />
      <TextField
        id="field-plan-first"
        type="date"
        label={t('engagements:plan.firstOn')}
        error={form.errorOf('firstOn')}
        {...(form.field('firstOn') as { name: string })}
      />
      <TextField
        id="field-plan-count"
        inputMode="numeric"
        label={t('engagements:plan.count', { max: MAX_CHECK_INS })}
        error={form.errorOf('count')}
        {...(form.field('count') as { name: string })}
      />
      <TextField
        id="field-plan-dates"
        label={t('engagements:plan.dates', { max: MAX_CHECK_INS })}
        hint={t('engagements:plan.datesHint')}
        error={form.errorOf('dates')}
        {...(form.field('dates') as { name: string })}
      />
    </fieldset>
  )
}
