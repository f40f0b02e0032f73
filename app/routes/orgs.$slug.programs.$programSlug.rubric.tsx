import { ContentLanguageFields } from '#app/components/content-language-fields.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, TextareaField, TextField } from '#app/components/field.tsx'
import { LockedNotice, RowControls } from '#app/components/program-part-controls.tsx'
import { isRubricLocked } from '#app/domain/programs/program-status.ts'
import {
  levelsFor,
  rubricProblems,
  totalWeight,
  TOTAL_WEIGHT,
} from '#app/domain/programs/rubric.ts'
import { MAX_SCORE_LIMIT, MIN_SCORE } from '#app/domain/programs/rubric-template.ts'
import {
  CriterionRefSchema,
  CriterionSchema,
  levelField,
  WeightsSchema,
} from '#app/schemas/programs/rubric.ts'
import {
  addCriterion,
  listCriteria,
  moveCriterion,
  removeCriterion,
  resetRubricToTemplate,
  RUBRIC_LOCKED_MESSAGE,
  saveCriterion,
  saveWeights,
} from '#app/services/programs/rubrics.server.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { programPartAction } from '#app/utils/program-part-action.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireManagedProgram(request, params)
  const criteria = await listCriteria(program.id)
  return {
    locked: isRubricLocked(program.status),
    lockedMessage: RUBRIC_LOCKED_MESSAGE,
    criteria: criteria.map((c) => ({
      id: c.id,
      label: c.label,
      description: c.description,
      weight: c.weight,
      maxScore: c.maxScore,
      isEquity: c.isEquity,
      levels: levelsFor(c.maxScore, c.levels),
      contentLanguage: c.contentLanguage,
      labelTranslation: c.labelTranslation ?? '',
      descriptionTranslation: c.descriptionTranslation ?? '',
      guidanceTranslation: (c.guidanceTranslation ?? []).join('\n'),
    })),
    total: totalWeight(criteria),
    problems: rubricProblems(criteria),
  }
}

export async function action(args: ActionFunctionArgs) {
  const { actor, program, here, formData, intent, finish, move } = await programPartAction(
    args,
    'rubric',
  )
  if (intent === 'add-criterion') {
    const result = await addCriterion(actor, program.id)
    const to = result.ok ? `${here}?edit=${result.criterionId}#edit-criterion` : here
    return finish(
      result,
      'Criterion added. Describe it and its score levels, then give it a weight.',
      to,
    )
  }
  if (intent === 'reset-template') {
    return finish(
      await resetRubricToTemplate(actor, program.id),
      'The rubric is back to the equity template.',
    )
  }
  if (intent === 'weights') {
    const form = await parseForm(formData, WeightsSchema)
    if (!form.ok) return form.response
    return finish(await saveWeights(actor, program.id, form.data), 'Weights saved.')
  }
  const ref = await parseForm(formData, CriterionRefSchema)
  if (!ref.ok) return ref.response
  const { criterionId } = ref.data
  if (intent === 'save-criterion') {
    const form = await parseForm(formData, CriterionSchema)
    if (!form.ok) return form.response
    return finish(
      await saveCriterion(actor, program.id, criterionId, form.data),
      `“${form.data.label}” saved.`,
      undefined,
      draftKeys.criterion(criterionId),
    )
  }
  if (intent === 'remove-criterion') {
    return finish(
      await removeCriterion(actor, program.id, criterionId),
      'Criterion removed. Share its weight out among the others.',
    )
  }
  if (intent === 'move-criterion') {
    return move(
      (direction) => moveCriterion(actor, program.id, criterionId, direction),
      'Criterion moved.',
    )
  }
  return formFailure({ form: 'Unknown action.' }, formData)
}

type Criterion = ReturnType<typeof useLoaderData<typeof loader>>['criteria'][number]

function CriterionEditor({
  criterion,
  failure,
}: {
  criterion: Criterion
  failure: FormFailure | undefined
}) {
  const navigation = useNavigation()
  const defaults: Record<string, string> = {
    label: criterion.label,
    description: criterion.description,
    maxScore: String(criterion.maxScore),
    isEquity: criterion.isEquity ? 'on' : '',
    contentLanguage: criterion.contentLanguage,
    labelTranslation: criterion.labelTranslation,
    descriptionTranslation: criterion.descriptionTranslation,
    guidanceTranslation: criterion.guidanceTranslation,
  }
  for (const level of criterion.levels) defaults[levelField(level.score)] = level.guidance
  const form = useValidatedForm(CriterionSchema, { failure, defaultValues: defaults })
  return (
    <div id="edit-criterion">
      <Card
        title={`Edit “${criterion.label}”`}
        headingLevel={3}
        actions={<Link to=".">Close the editor</Link>}
      >
        <DraftBackupForm draft={{ key: draftKeys.criterion(criterion.id), version: 0 }} form={form}>
          <input type="hidden" name="intent" value="save-criterion" />
          <input type="hidden" name="criterionId" value={criterion.id} />
          <TextField
            label="Label"
            required
            error={form.errorOf('label')}
            {...form.field('label')}
          />
          <TextareaField
            label="What reviewers judge"
            error={form.errorOf('description')}
            {...form.field('description')}
          />
          <TextField
            label="Highest score"
            required
            type="number"
            min={MIN_SCORE + 1}
            max={MAX_SCORE_LIMIT}
            step={1}
            hint={`Scores run from ${MIN_SCORE} to this number (at most ${MAX_SCORE_LIMIT}). After changing it, save to get a guidance box for each score.`}
            error={form.errorOf('maxScore')}
            {...form.field('maxScore')}
          />
          <div className="choice field">
            <input
              type="checkbox"
              id="field-isEquity"
              aria-describedby="field-isEquity-hint"
              {...form.choice('isEquity', 'on')}
            />
            <label htmlFor="field-isEquity">
              Equity criterion{' '}
              <span className="hint" id="field-isEquity-hint">
                Counts towards the equity part of the score and the program’s guardrails.
              </span>
            </label>
          </div>
          {criterion.levels.map((level) => (
            <TextareaField
              key={level.score}
              label={`Guidance for a score of ${level.score} out of ${criterion.maxScore}`}
              rows={2}
              error={form.errorOf(levelField(level.score))}
              {...form.field(levelField(level.score))}
            />
          ))}
          <ContentLanguageFields
            field={form.field}
            errorOf={form.errorOf}
            fields={[
              { name: 'labelTranslation', labelKey: 'funder:content.fields.criterionLabel' },
              {
                name: 'descriptionTranslation',
                labelKey: 'funder:content.fields.criterionDescription',
                rows: 3,
              },
              { name: 'guidanceTranslation', labelKey: 'funder:content.fields.guidance', rows: 4 },
            ]}
          />
          <Button busy={navigation.state === 'submitting'}>Save criterion</Button>
        </DraftBackupForm>
      </Card>
    </div>
  )
}

function WeightsForm({
  criteria,
  failure,
}: {
  criteria: Criterion[]
  failure: FormFailure | undefined
}) {
  const navigation = useNavigation()
  return (
    <Card title="Weights" headingLevel={3}>
      <p className="hint">
        Each criterion’s share of the total score, in whole numbers adding up to {TOTAL_WEIGHT}.
      </p>
      <Form method="post" className="stack">
        <FormError message={failure?.errors.form} />
        <input type="hidden" name="intent" value="weights" />
        {criteria.map((c) => {
          const name = `weights.${c.id}`
          const kept = failure?.values[name]
          return (
            <TextField
              key={c.id}
              label={`Weight of “${c.label}”`}
              name={name}
              required
              type="number"
              min={1}
              max={TOTAL_WEIGHT}
              step={1}
              defaultValue={typeof kept === 'string' ? kept : String(c.weight)}
              error={failure?.errors[name]}
            />
          )
        })}
        <Button busy={navigation.state === 'submitting'}>Save weights</Button>
      </Form>
    </Card>
  )
}

export default function Rubric() {
  const { locked, lockedMessage, criteria, total, problems } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const [params] = useSearchParams()
  const intent = failure?.values.intent
  const editing = locked
    ? undefined
    : criteria.find(
        (c) =>
          c.id === (intent === 'save-criterion' ? failure?.values.criterionId : params.get('edit')),
      )
  const rowFailure =
    intent && intent !== 'save-criterion' && intent !== 'weights' ? failure : undefined
  return (
    <>
      <Card title="Rubric" headingLevel={3}>
        <LockedNotice locked={locked} message={lockedMessage} />
        <FormError message={rowFailure?.errors.form} />
        <p>
          Reviewers score each application on these criteria, from {MIN_SCORE} up to each
          criterion’s highest score. Applicants see the rubric before they apply. Weights add up to{' '}
          <strong>{total}</strong> of {TOTAL_WEIGHT}.
        </p>
        {problems.length === 0 ? (
          <p>The rubric is complete.</p>
        ) : (
          <>
            <p>Not complete yet:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
        {locked ? null : (
          <div className="actions">
            <Form method="post">
              <Button name="intent" value="add-criterion">
                Add a criterion
              </Button>
            </Form>
            <Form method="post">
              <Button name="intent" value="reset-template" variant="secondary">
                Start again from the equity template
              </Button>
            </Form>
          </div>
        )}
      </Card>

      {editing ? (
        <CriterionEditor
          key={editing.id}
          criterion={editing}
          failure={intent === 'save-criterion' ? failure : undefined}
        />
      ) : null}

      <Card title="Criteria" headingLevel={3}>
        {criteria.length === 0 ? <p>No criteria yet.</p> : null}
        <ol className="plain-list">
          {criteria.map((c, i) => (
            <li key={c.id} className="card">
              <h4>
                {i + 1}. {c.label} {c.isEquity ? <span className="badge">Equity</span> : null}
              </h4>
              <p>
                Weight {c.weight} · scores {MIN_SCORE} to {c.maxScore}
              </p>
              {c.description ? <p>{c.description}</p> : null}
              <dl className="facts">
                {c.levels.map((l) => (
                  <div key={l.score} style={{ display: 'contents' }}>
                    <dt>Score {l.score}</dt>
                    <dd>{l.guidance || 'No guidance yet'}</dd>
                  </div>
                ))}
              </dl>
              {locked ? null : (
                <RowControls
                  row={c}
                  idField="criterionId"
                  editTo={`?edit=${c.id}#edit-criterion`}
                  moveIntent="move-criterion"
                  removeIntent="remove-criterion"
                  canMoveUp={i > 0}
                  canMoveDown={i < criteria.length - 1}
                />
              )}
            </li>
          ))}
        </ol>
      </Card>

      {locked || criteria.length === 0 ? null : (
        <WeightsForm
          key={criteria.map((c) => `${c.id}:${c.weight}`).join()}
          criteria={criteria}
          failure={intent === 'weights' ? failure : undefined}
        />
      )}
    </>
  )
}
