import { ContentLanguageFields } from '#app/components/content-language-fields.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
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
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { useMessage } from '#app/lib/i18n/message.ts'

export const handle: I18nHandle = { i18n: ['funder'] }

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
  const { actor, program, here, formData, intent, finish, move, language } =
    await programPartAction(args, 'rubric')
  if (intent === 'add-criterion') {
    const result = await addCriterion(actor, program.id, language)
    const to = result.ok ? `${here}?edit=${result.criterionId}#edit-criterion` : here
    return finish(result, 'common:flash.criterionAdded', to)
  }
  if (intent === 'reset-template') {
    return finish(
      await resetRubricToTemplate(actor, program.id, language),
      'common:flash.rubricReset',
    )
  }
  if (intent === 'weights') {
    const form = await parseForm(formData, WeightsSchema)
    if (!form.ok) return form.response
    return finish(await saveWeights(actor, program.id, form.data), 'common:flash.weightsSaved')
  }
  const ref = await parseForm(formData, CriterionRefSchema)
  if (!ref.ok) return ref.response
  const { criterionId } = ref.data
  if (intent === 'save-criterion') {
    const form = await parseForm(formData, CriterionSchema)
    if (!form.ok) return form.response
    return finish(
      await saveCriterion(actor, program.id, criterionId, form.data),
      { key: 'common:flash.criterionSaved', values: { label: form.data.label } },
      undefined,
      draftKeys.criterion(criterionId),
    )
  }
  if (intent === 'remove-criterion') {
    return finish(
      await removeCriterion(actor, program.id, criterionId),
      'common:flash.criterionRemoved',
    )
  }
  if (intent === 'move-criterion') {
    return move(
      (direction) => moveCriterion(actor, program.id, criterionId, direction),
      'common:flash.criterionMoved',
    )
  }
  return formFailure({ form: 'funder:refusals.unknownAction' }, formData)
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
  const { t } = useTranslation('funder')
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
        title={t('funder:rubric.editTitle', { label: criterion.label })}
        headingLevel={3}
        actions={<Link to=".">{t('funder:rubric.closeEditor')}</Link>}
      >
        <DraftBackupForm draft={{ key: draftKeys.criterion(criterion.id), version: 0 }} form={form}>
          <input type="hidden" name="intent" value="save-criterion" />
          <input type="hidden" name="criterionId" value={criterion.id} />
          <TextField
            label={t('funder:rubric.label')}
            required
            error={form.errorOf('label')}
            {...form.field('label')}
          />
          <TextareaField
            label={t('funder:rubric.description')}
            error={form.errorOf('description')}
            {...form.field('description')}
          />
          <TextField
            label={t('funder:rubric.maxScore')}
            required
            type="number"
            min={MIN_SCORE + 1}
            max={MAX_SCORE_LIMIT}
            step={1}
            hint={t('funder:rubric.maxScoreHint', { min: MIN_SCORE, max: MAX_SCORE_LIMIT })}
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
              {t('funder:rubric.isEquity')}{' '}
              <span className="hint" id="field-isEquity-hint">
                {t('funder:rubric.isEquityHint')}
              </span>
            </label>
          </div>
          {criterion.levels.map((level) => (
            <TextareaField
              key={level.score}
              label={t('funder:rubric.guidance', { score: level.score, max: criterion.maxScore })}
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
          <Button busy={navigation.state === 'submitting'}>
            {t('funder:rubric.saveCriterion')}
          </Button>
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
  const { t } = useTranslation('funder')
  return (
    <Card title={t('funder:rubric.weights')} headingLevel={3}>
      <p className="hint">{t('funder:rubric.weightsHint', { total: TOTAL_WEIGHT })}</p>
      <Form method="post" className="stack">
        <FormError message={failure?.errors.form} />
        <input type="hidden" name="intent" value="weights" />
        {criteria.map((c) => {
          const name = `weights.${c.id}`
          const kept = failure?.values[name]
          return (
            <TextField
              key={c.id}
              label={t('funder:rubric.weightOf', { label: c.label })}
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
        <Button busy={navigation.state === 'submitting'}>{t('funder:rubric.saveWeights')}</Button>
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
  const { t } = useTranslation('funder')
  const tm = useMessage()
  const format = useFormatters()
  return (
    <>
      <Card title={t('funder:rubric.title')} headingLevel={3}>
        <LockedNotice locked={locked} message={lockedMessage} />
        <FormError message={rowFailure?.errors.form} />
        <p>
          {t('funder:rubric.intro', { min: MIN_SCORE })} {t('funder:rubric.weightsAddUp')}{' '}
          <strong>{format.number(total)}</strong>{' '}
          {t('funder:rubric.ofTotal', { total: TOTAL_WEIGHT })}
        </p>
        {problems.length === 0 ? (
          <p>{t('funder:rubric.complete')}</p>
        ) : (
          <>
            <p>{t('funder:rubric.incomplete')}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{tm(p)}</li>
              ))}
            </ul>
          </>
        )}
        {locked ? null : (
          <div className="actions">
            <Form method="post">
              <Button name="intent" value="add-criterion">
                {t('funder:rubric.add')}
              </Button>
            </Form>
            <Form method="post">
              <Button name="intent" value="reset-template" variant="secondary">
                {t('funder:rubric.reset')}
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

      <Card title={t('funder:rubric.criteria')} headingLevel={3}>
        {criteria.length === 0 ? <p>{t('funder:rubric.noCriteria')}</p> : null}
        <ol className="plain-list">
          {criteria.map((c, i) => (
            <li key={c.id} className="card">
              <h4>
                {i + 1}. {c.label}{' '}
                {c.isEquity ? <span className="badge">{t('funder:rubric.equity')}</span> : null}
              </h4>
              <p>
                {t('funder:rubric.weightAndScores', {
                  weight: c.weight,
                  min: MIN_SCORE,
                  max: c.maxScore,
                })}
              </p>
              {c.description ? <p>{c.description}</p> : null}
              <dl className="facts">
                {c.levels.map((l) => (
                  <div key={l.score} style={{ display: 'contents' }}>
                    <dt>{t('funder:rubric.score', { score: l.score })}</dt>
                    <dd>{l.guidance || t('funder:rubric.noGuidance')}</dd>
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
