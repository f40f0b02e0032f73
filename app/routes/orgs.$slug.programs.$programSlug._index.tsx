import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { BudgetChart, StatusChart } from '#app/components/application-figures.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import {
  isAcceptingApplications,
  PROGRAM_TRANSITIONS,
  type ProgramStatus,
} from '#app/domain/programs/program-status.ts'
import {
  programStatusSentenceKey,
  SDOH_KEYS,
  TRANSITION_KEYS,
} from '#app/domain/programs/funder-words.ts'
import { rubricProblems } from '#app/domain/programs/rubric.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { ProgramTransitionSchema } from '#app/schemas/programs/program.ts'
import { programApplicationStats } from '#app/services/applications/application-stats.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { listQuestions } from '#app/services/programs/program-questions.server.ts'
import { openingProblems, TRANSITIONS_TO } from '#app/services/programs/programs.server.ts'
import { getPlaces } from '#app/services/places.server.ts'
import { listCriteria } from '#app/services/programs/rubrics.server.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useMessage, type Message } from '#app/lib/i18n/message.ts'
import { programActor, requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { ConfirmCheckbox } from '#app/components/confirm-checkbox.tsx'
import { CONFIRMED } from '#app/schemas/confirmation.ts'
import type { FormFailure } from '#app/lib/forms.ts'

export const handle: I18nHandle = { i18n: ['funder'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, program, fund } = await requireManagedProgram(request, params)
  const [criteria, questions, stats, now, counties] = await Promise.all([
    listCriteria(program.id),
    listQuestions(program.id),
    programApplicationStats(program.id),
    databaseNow(),
    getPlaces(program.eligibleCountyFips),
  ])
  return {
    base: `/orgs/${organization.slug}/programs/${program.slug}`,
    status: program.status,
    accepting: isAcceptingApplications(program, now),
    facts: {
      opensAt: program.opensAt?.toISOString() ?? null,
      closesAt: program.closesAt?.toISOString() ?? null,
      timeZone: program.timeZone,
      budgetMinor: program.budgetMinor,
      minAwardMinor: program.minAwardMinor,
      maxAwardMinor: program.maxAwardMinor,
      placeServed: program.placeServed,
      states: program.eligibleStates,
      counties: counties.map((c) => c.label),
      sdoh: program.sdohDomains.filter((d): d is SdohDomain =>
        (SDOH_DOMAINS as readonly string[]).includes(d),
      ),
      skills: program.allowSkillRequests,
      reviewers: program.reviewersPerApplication,
      blind: program.blindReview,
    },
    figures: { stats, budgetMinor: program.budgetMinor, currency: fund.currency },
    criteriaCount: criteria.length,
    questionCount: questions.length,
    rubricProblems: rubricProblems(criteria),
    openingProblems: program.status === 'draft' ? openingProblems(program, criteria, now) : [],
    transitions: PROGRAM_TRANSITIONS[program.status],
  }
}

/** The flash after a move, by where the program went. */
function movedFlash(status: ProgramStatus, movedIntoReview: number): Message {
  switch (status) {
    case 'draft':
      return 'common:flash.programDraft'
    case 'open':
      return 'common:flash.programOpened'
    case 'closed':
      return 'common:flash.programClosed'
    case 'in_review':
      return movedIntoReview > 0
        ? { key: 'common:flash.programInReviewMoved', values: { count: movedIntoReview } }
        : 'common:flash.programInReview'
    case 'decided':
      return 'common:flash.programDecided'
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireManagedProgram(request, params)
  const { program } = access
  const form = await parseForm(request, ProgramTransitionSchema)
  if (!form.ok) return form.response
  const move = TRANSITIONS_TO[form.data.to]
  if (!move) return formFailure({ form: 'funder:refusals.noBackToDraft' }, form.formData)
  const result = await move(programActor(access, requestOrigin(request, context).ip), program.id)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/orgs/${access.organization.slug}/programs/${program.slug}`, {
    kind: 'success',
    message: movedFlash(result.program.status, result.movedIntoReview),
  })
}

export default function ProgramOverview() {
  const loaded = useLoaderData<typeof loader>()
  const { base, status, facts, figures } = loaded
  const { t } = useTranslation('funder')
  const tm = useMessage()
  const format = useFormatters()
  const money = (minor: number) => format.money(minor, figures.currency)
  const when = (iso: string | null) =>
    iso ? format.dateTime(iso, facts.timeZone) : t('funder:notSet')
  const yesNo = (v: boolean) => (v ? t('funder:overview.yes') : t('funder:overview.no'))
  // Withdrawn applications stay in the charts (by status) but are not counted as received.
  const withdrawn = figures.stats.byStatus.withdrawn
  const submitted = {
    count: figures.stats.total.count - withdrawn.count,
    requestedMinor: figures.stats.total.requestedMinor - withdrawn.requestedMinor,
  }
  const refused = useActionData<typeof action>()
  const navigation = useNavigation()
  const problems = refused?.problems ?? []
  return (
    <>
      <Card title={t('funder:overview.status')} headingLevel={3}>
        <FormError message={refused?.errors.form} />
        {problems.length > 0 ? (
          <ul aria-label={t('funder:overview.missing')}>
            {problems.map((p) => (
              <li key={p}>{tm(p)}</li>
            ))}
          </ul>
        ) : null}
        <p>{t(programStatusSentenceKey(status, loaded.accepting))}</p>
        {loaded.openingProblems.length > 0 ? (
          <>
            <p>{t('funder:overview.beforeOpening')}</p>
            <ul>
              {loaded.openingProblems.map((p) => (
                <li key={p}>{tm(p)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {loaded.transitions.includes('closed') ? (
          <CloseNowForm failure={refused && 'values' in refused ? refused : undefined} />
        ) : loaded.transitions.length > 0 ? (
          <Form method="post" className="actions">
            {loaded.transitions.map((to) => (
              <Button key={to} name="to" value={to} busy={navigation.state === 'submitting'}>
                {t(TRANSITION_KEYS[to])}
              </Button>
            ))}
          </Form>
        ) : (
          <p className="hint">{t('funder:overview.finished')}</p>
        )}
      </Card>
      <Card
        title={t('funder:overview.applications')}
        headingLevel={3}
        actions={<Link to={`${base}/applications`}>{t('funder:overview.allApplications')}</Link>}
      >
        {submitted.count === 0 ? (
          <p>{t('funder:overview.noneSubmitted')}</p>
        ) : (
          <>
            <p>
              {t('funder:overview.submitted', {
                count: submitted.count,
                amount: money(submitted.requestedMinor),
              })}
              {withdrawn.count === 0
                ? t('funder:overview.fullStop')
                : t('funder:overview.notCountingWithdrawn', { count: withdrawn.count })}{' '}
              {t('funder:overview.figuresCover')}{' '}
              <Link to={`${base}/applications`}>{t('funder:overview.applicationsPage')}</Link>{' '}
              {t('funder:overview.alsoCompares')}
            </p>
            <div className="chart-grid">
              <StatusChart {...figures} />
              <BudgetChart {...figures} />
            </div>
          </>
        )}
      </Card>
      <Card
        title={t('funder:overview.details')}
        headingLevel={3}
        actions={<Link to={`${base}/details`}>{t('funder:overview.editDetails')}</Link>}
      >
        <dl className="facts">
          <dt>{t('funder:overview.opens')}</dt>
          <dd>{facts.opensAt ? when(facts.opensAt) : t('funder:overview.whenYouOpen')}</dd>
          <dt>{t('funder:overview.closes')}</dt>
          <dd>{when(facts.closesAt)}</dd>
          <dt>{t('funder:overview.timeZone')}</dt>
          <dd>{facts.timeZone}</dd>
          <dt>{t('funder:overview.budget')}</dt>
          <dd>{money(facts.budgetMinor)}</dd>
          <dt>{t('funder:overview.awards')}</dt>
          <dd>
            {t('funder:overview.awardRange', {
              min: money(facts.minAwardMinor),
              max: money(facts.maxAwardMinor),
            })}
          </dd>
          <dt>{t('funder:overview.placeServed')}</dt>
          <dd>{facts.placeServed || t('funder:overview.notGiven')}</dd>
          <dt>{t('funder:overview.states')}</dt>
          <dd>{facts.states.length ? facts.states.join(', ') : t('funder:overview.anyState')}</dd>
          <dt>{t('funder:overview.counties')}</dt>
          <dd>
            {facts.counties.length ? facts.counties.join('; ') : t('funder:overview.noCountyLimit')}
          </dd>
          <dt>{t('funder:overview.focus')}</dt>
          <dd>
            {facts.sdoh.map((d) => t(SDOH_KEYS[d])).join(', ') || t('funder:overview.noFocus')}
          </dd>
          <dt>{t('funder:overview.skills')}</dt>
          <dd>{yesNo(facts.skills)}</dd>
          <dt>{t('funder:overview.reviewers')}</dt>
          <dd>{format.number(facts.reviewers)}</dd>
          <dt>{t('funder:overview.blind')}</dt>
          <dd>{yesNo(facts.blind)}</dd>
        </dl>
      </Card>
      <Card title={t('funder:overview.rubricAndQuestions')} headingLevel={3}>
        <p>
          <Link to={`${base}/rubric`}>
            {t('funder:overview.rubricLink', { count: loaded.criteriaCount })}
          </Link>
          {loaded.rubricProblems.length === 0
            ? t('funder:overview.rubricComplete')
            : t('funder:overview.rubricIncomplete')}
        </p>
        <p>
          <Link to={`${base}/questions`}>
            {t('funder:overview.questionsLink', { count: loaded.questionCount })}
          </Link>{' '}
          {t('funder:overview.afterSteps')}
        </p>
      </Card>
    </>
  )
}

/** "Close now", which cannot be undone: the funder confirms it, knowing what it stops. */
function CloseNowForm({ failure }: { failure: FormFailure | undefined }) {
  const { t } = useTranslation('funder')
  const form = useValidatedForm(ProgramTransitionSchema, {
    defaultValues: { to: 'closed' },
    failure,
  })
  const navigation = useNavigation()
  return (
    <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" {...form.field('to')} />
      <ConfirmCheckbox
        name="confirm"
        label={t('funder:overview.closeConfirm')}
        error={form.errorOf('confirm')}
        register={form.choice('confirm', CONFIRMED)}
      />
      <div className="actions">
        <Button variant="secondary" busy={navigation.state === 'submitting'}>
          {t(TRANSITION_KEYS.closed)}
        </Button>
      </div>
    </Form>
  )
}
