import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { BudgetChart, StatusChart, applicationsText } from '#app/components/application-figures.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import {
  isAcceptingApplications,
  PROGRAM_STATUS_LABELS,
  programStatusSentence,
  PROGRAM_TRANSITIONS,
  TRANSITION_LABELS,
} from '#app/domain/programs/program-status.ts'
import { rubricProblems } from '#app/domain/programs/rubric.ts'
import { SDOH_LABELS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { ProgramTransitionSchema } from '#app/schemas/programs/program.ts'
import { programApplicationStats } from '#app/services/applications/application-stats.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { listQuestions } from '#app/services/programs/program-questions.server.ts'
import { openingProblems, TRANSITIONS_TO } from '#app/services/programs/programs.server.ts'
import { getPlaces } from '#app/services/places.server.ts'
import { listCriteria } from '#app/services/programs/rubrics.server.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { programActor, requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { formatMoney } from '#app/lib/money.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { ConfirmCheckbox } from '#app/components/confirm-checkbox.tsx'
import { CONFIRMED } from '#app/schemas/confirmation.ts'
import type { FormFailure } from '#app/lib/forms.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, program, fund } = await requireManagedProgram(request, params)
  const [criteria, questions, stats, now, counties] = await Promise.all([
    listCriteria(program.id),
    listQuestions(program.id),
    programApplicationStats(program.id),
    databaseNow(),
    getPlaces(program.eligibleCountyFips),
  ])
  const money = (minor: number) => formatMoney(minor, fund.currency)
  const when = (d: Date | null) => (d ? formatDateTime(d, program.timeZone) : 'Not set')
  return {
    base: `/orgs/${organization.slug}/programs/${program.slug}`,
    status: program.status,
    accepting: isAcceptingApplications(program, now),
    facts: {
      opens: program.opensAt ? when(program.opensAt) : 'When you open it',
      closes: when(program.closesAt),
      timeZone: program.timeZone,
      budget: money(program.budgetMinor),
      awards: `${money(program.minAwardMinor)} to ${money(program.maxAwardMinor)}`,
      placeServed: program.placeServed || 'Not given',
      states: program.eligibleStates.length ? program.eligibleStates.join(', ') : 'Any',
      counties: counties.length ? counties.map((c) => c.label).join('; ') : 'No county limit',
      sdoh: program.sdohDomains.map((d) => SDOH_LABELS[d as SdohDomain] ?? d).join(', ') || 'None',
      skills: program.allowSkillRequests ? 'Yes' : 'No',
      reviewers: String(program.reviewersPerApplication),
      blind: program.blindReview ? 'Yes' : 'No',
    },
    figures: { stats, budgetMinor: program.budgetMinor, currency: fund.currency },
    criteriaCount: criteria.length,
    questionCount: questions.length,
    rubricProblems: rubricProblems(criteria),
    openingProblems: program.status === 'draft' ? openingProblems(program, criteria, now) : [],
    transitions: PROGRAM_TRANSITIONS[program.status],
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireManagedProgram(request, params)
  const { program } = access
  const form = await parseForm(request, ProgramTransitionSchema)
  if (!form.ok) return form.response
  const move = TRANSITIONS_TO[form.data.to]
  if (!move) return formFailure({ form: 'A program cannot go back to draft.' }, form.formData)
  const result = await move(programActor(access, requestOrigin(request, context).ip), program.id)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/orgs/${access.organization.slug}/programs/${program.slug}`, {
    kind: 'success',
    message:
      `The program is now ${PROGRAM_STATUS_LABELS[result.program.status].toLowerCase()}.` +
      (result.movedIntoReview > 0
        ? ` ${applicationsText(result.movedIntoReview)} moved into review; each group sees it.`
        : ''),
  })
}

export default function ProgramOverview() {
  const loaded = useLoaderData<typeof loader>()
  const { base, status, facts, figures } = loaded
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
      <Card title="Status" headingLevel={3}>
        <FormError message={refused?.errors.form} />
        {problems.length > 0 ? (
          <ul aria-label="What is missing">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <p>{programStatusSentence(status, loaded.accepting)}</p>
        {loaded.openingProblems.length > 0 ? (
          <>
            <p>Before it can open:</p>
            <ul>
              {loaded.openingProblems.map((p) => (
                <li key={p}>{p}</li>
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
                {TRANSITION_LABELS[to]}
              </Button>
            ))}
          </Form>
        ) : (
          <p className="hint">Decisions are made; this program is finished.</p>
        )}
      </Card>
      <Card
        title="Applications"
        headingLevel={3}
        actions={<Link to={`${base}/applications`}>All applications</Link>}
      >
        {submitted.count === 0 ? (
          <p>No group has submitted an application yet.</p>
        ) : (
          <>
            <p>
              {applicationsText(submitted.count)} submitted, asking for{' '}
              {formatMoney(submitted.requestedMinor, figures.currency)} in all
              {withdrawn.count === 0
                ? '.'
                : withdrawn.count === 1
                  ? ', not counting one withdrawn.'
                  : `, not counting ${withdrawn.count} withdrawn.`}{' '}
              These figures cover the whole program;{' '}
              <Link to={`${base}/applications`}>the applications page</Link> also compares them by
              area addressed and place vulnerability, under any filter.
            </p>
            <div className="chart-grid">
              <StatusChart {...figures} />
              <BudgetChart {...figures} />
            </div>
          </>
        )}
      </Card>
      <Card
        title="Details"
        headingLevel={3}
        actions={<Link to={`${base}/details`}>Edit details</Link>}
      >
        <dl className="facts">
          <dt>Opens</dt>
          <dd>{facts.opens}</dd>
          <dt>Closes</dt>
          <dd>{facts.closes}</dd>
          <dt>Time zone</dt>
          <dd>{facts.timeZone}</dd>
          <dt>Total budget</dt>
          <dd>{facts.budget}</dd>
          <dt>Awards</dt>
          <dd>{facts.awards}</dd>
          <dt>Place served</dt>
          <dd>{facts.placeServed}</dd>
          <dt>Eligible states</dt>
          <dd>{facts.states}</dd>
          <dt>Eligible counties</dt>
          <dd>{facts.counties}</dd>
          <dt>Focus</dt>
          <dd>{facts.sdoh}</dd>
          <dt>Volunteer skills</dt>
          <dd>{facts.skills}</dd>
          <dt>Reviewers per application</dt>
          <dd>{facts.reviewers}</dd>
          <dt>Blind review</dt>
          <dd>{facts.blind}</dd>
        </dl>
      </Card>
      <Card title="Rubric and questions" headingLevel={3}>
        <p>
          <Link to={`${base}/rubric`}>
            Rubric: {loaded.criteriaCount} {loaded.criteriaCount === 1 ? 'criterion' : 'criteria'}
          </Link>
          {loaded.rubricProblems.length === 0 ? ', complete.' : ', not complete yet.'}
        </p>
        <p>
          <Link to={`${base}/questions`}>
            {loaded.questionCount} {loaded.questionCount === 1 ? 'question' : 'questions'} of your
            own
          </Link>{' '}
          after the standard application steps.
        </p>
      </Card>
    </>
  )
}

/** "Close now", which cannot be undone: the funder confirms it, knowing what it stops. */
function CloseNowForm({ failure }: { failure: FormFailure | undefined }) {
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
        label="I understand that closing now stops new applications at once, drafts in progress can no longer be submitted, and the program cannot be opened again."
        error={form.errorOf('confirm')}
        register={form.choice('confirm', CONFIRMED)}
      />
      <div className="actions">
        <Button variant="secondary" busy={navigation.state === 'submitting'}>
          {TRANSITION_LABELS.closed}
        </Button>
      </div>
    </Form>
  )
}
