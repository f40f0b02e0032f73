import { ContentLanguageFields } from '#app/components/content-language-fields.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError, SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import { LockedNotice, RowControls } from '#app/components/program-part-controls.tsx'
import { QUESTION_KINDS } from '#app/domain/programs/program-questions.ts'
import { QUESTION_KIND_KEYS } from '#app/domain/programs/funder-words.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { areQuestionsLocked } from '#app/domain/programs/program-status.ts'
import {
  QuestionRefSchema,
  QuestionSchema,
  WORD_LIMIT_MAX,
} from '#app/schemas/programs/program-question.ts'
import {
  addQuestion,
  listQuestions,
  moveQuestion,
  QUESTIONS_LOCKED_MESSAGE,
  removeQuestion,
  saveQuestion,
} from '#app/services/programs/program-questions.server.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { programPartAction } from '#app/utils/program-part-action.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

export const handle: I18nHandle = { i18n: ['funder'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireManagedProgram(request, params)
  const questions = await listQuestions(program.id)
  return {
    programId: program.id,
    locked: areQuestionsLocked(program.status),
    lockedMessage: QUESTIONS_LOCKED_MESSAGE,
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      helpText: q.helpText,
      required: q.required,
      options: q.options,
      wordLimit: q.wordLimit,
      contentLanguage: q.contentLanguage,
      labelTranslation: q.labelTranslation ?? '',
      helpTextTranslation: q.helpTextTranslation ?? '',
      optionsTranslation: (q.optionsTranslation ?? []).join('\n'),
    })),
  }
}

export async function action(args: ActionFunctionArgs) {
  const { actor, program, formData, intent, finish, move } = await programPartAction(
    args,
    'questions',
  )
  if (intent === 'add-question') {
    const form = await parseForm(formData, QuestionSchema)
    if (!form.ok) return form.response
    return finish(
      await addQuestion(actor, program.id, form.data),
      'common:flash.questionAdded',
      undefined,
      draftKeys.newQuestion(program.id),
    )
  }
  const ref = await parseForm(formData, QuestionRefSchema)
  if (!ref.ok) return ref.response
  const { questionId } = ref.data
  if (intent === 'save-question') {
    const form = await parseForm(formData, QuestionSchema)
    if (!form.ok) return form.response
    return finish(
      await saveQuestion(actor, program.id, questionId, form.data),
      'common:flash.questionSaved',
      undefined,
      draftKeys.question(questionId),
    )
  }
  if (intent === 'remove-question') {
    return finish(
      await removeQuestion(actor, program.id, questionId),
      'common:flash.questionRemoved',
    )
  }
  if (intent === 'move-question') {
    return move(
      (direction) => moveQuestion(actor, program.id, questionId, direction),
      'common:flash.questionMoved',
    )
  }
  return formFailure({ form: 'funder:refusals.unknownAction' }, formData)
}

type Question = ReturnType<typeof useLoaderData<typeof loader>>['questions'][number]

function QuestionForm({
  question,
  draftKey,
  failure,
}: {
  question: Question | undefined
  /** The browser backup of this form: of the question edited, or of a new one. */
  draftKey: string
  failure: FormFailure | undefined
}) {
  const navigation = useNavigation()
  const { t } = useTranslation('funder')
  const form = useValidatedForm(QuestionSchema, {
    failure,
    defaultValues: question
      ? {
          kind: question.kind,
          label: question.label,
          helpText: question.helpText,
          required: question.required ? 'on' : '',
          options: question.options.join('\n'),
          wordLimit: question.wordLimit ? String(question.wordLimit) : '',
          contentLanguage: question.contentLanguage,
          labelTranslation: question.labelTranslation,
          helpTextTranslation: question.helpTextTranslation,
          optionsTranslation: question.optionsTranslation,
        }
      : { kind: 'short_text', required: 'on' },
  })
  return (
    <div id="question-form">
      <Card
        title={
          question
            ? t('funder:questions.editTitle', { label: question.label })
            : t('funder:questions.addTitle')
        }
        headingLevel={3}
        actions={question ? <Link to=".">{t('funder:questions.stopEditing')}</Link> : null}
      >
        <DraftBackupForm draft={{ key: draftKey, version: 0 }} form={form}>
          <input type="hidden" name="intent" value={question ? 'save-question' : 'add-question'} />
          {question ? <input type="hidden" name="questionId" value={question.id} /> : null}
          <TextField
            label={t('funder:questions.label')}
            required
            error={form.errorOf('label')}
            {...form.field('label')}
          />
          <SelectField
            label={t('funder:questions.kind')}
            required
            options={QUESTION_KINDS.map((k) => ({ value: k, label: t(QUESTION_KIND_KEYS[k]) }))}
            error={form.errorOf('kind')}
            {...form.field('kind')}
          />
          <TextareaField
            label={t('funder:questions.helpText')}
            hint={t('funder:questions.helpTextHint')}
            rows={2}
            error={form.errorOf('helpText')}
            {...form.field('helpText')}
          />
          <div className="choice field">
            <input type="checkbox" id="field-required" {...form.choice('required', 'on')} />
            <label htmlFor="field-required">{t('funder:questions.required')}</label>
          </div>
          <TextareaField
            label={t('funder:questions.options')}
            hint={t('funder:questions.optionsHint')}
            rows={4}
            error={form.errorOf('options')}
            {...form.field('options')}
          />
          <TextField
            label={t('funder:questions.wordLimit')}
            type="number"
            min={1}
            max={WORD_LIMIT_MAX}
            step={1}
            hint={t('funder:questions.wordLimitHint')}
            error={form.errorOf('wordLimit')}
            {...form.field('wordLimit')}
          />
          <ContentLanguageFields
            field={form.field}
            errorOf={form.errorOf}
            fields={[
              { name: 'labelTranslation', labelKey: 'funder:content.fields.questionLabel' },
              { name: 'helpTextTranslation', labelKey: 'funder:content.fields.helpText', rows: 2 },
              { name: 'optionsTranslation', labelKey: 'funder:content.fields.options', rows: 4 },
            ]}
          />
          <Button busy={navigation.state === 'submitting'}>
            {question ? t('funder:questions.save') : t('funder:questions.add')}
          </Button>
        </DraftBackupForm>
      </Card>
    </div>
  )
}

function describe(t: TFunction, formatNumber: (n: number) => string, q: Question) {
  const parts = [
    t(QUESTION_KIND_KEYS[q.kind]),
    q.required ? t('funder:questions.isRequired') : t('funder:questions.isOptional'),
  ]
  if (q.wordLimit)
    parts.push(
      t('funder:questions.upToWords', { count: q.wordLimit, words: formatNumber(q.wordLimit) }),
    )
  return parts.join(' · ')
}

export default function Questions() {
  const { programId, locked, lockedMessage, questions } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const [params] = useSearchParams()
  const intent = failure?.values.intent
  const formIntent = intent === 'add-question' || intent === 'save-question'
  const editId = intent === 'save-question' ? failure?.values.questionId : params.get('edit')
  const editing = questions.find((q) => q.id === editId)
  const { t } = useTranslation('funder')
  const format = useFormatters()
  return (
    <>
      <Card title={t('funder:questions.title')} headingLevel={3}>
        <LockedNotice locked={locked} message={lockedMessage} />
        {!formIntent ? <FormError message={failure?.errors.form} /> : null}
        <p>{t('funder:questions.intro')}</p>
        {questions.length === 0 ? (
          <EmptyState title={t('funder:questions.emptyTitle')}>
            <p>{t('funder:questions.emptyText')}</p>
          </EmptyState>
        ) : (
          <ol className="plain-list">
            {questions.map((q, i) => (
              <li key={q.id} className="card">
                <h4>
                  {i + 1}. {q.label}
                </h4>
                <p className="hint">{describe(t, format.number, q)}</p>
                {q.helpText ? <p>{q.helpText}</p> : null}
                {q.options.length ? (
                  <ul>
                    {q.options.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                ) : null}
                {locked ? null : (
                  <RowControls
                    row={q}
                    idField="questionId"
                    editTo={`?edit=${q.id}#question-form`}
                    moveIntent="move-question"
                    removeIntent="remove-question"
                    canMoveUp={i > 0}
                    canMoveDown={i < questions.length - 1}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>
      {locked ? null : (
        <QuestionForm
          key={editing?.id ?? `new-${questions.length}`}
          question={editing}
          draftKey={editing ? draftKeys.question(editing.id) : draftKeys.newQuestion(programId)}
          failure={formIntent ? failure : undefined}
        />
      )}
    </>
  )
}
