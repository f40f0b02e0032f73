import { ContentLanguageFields } from '#app/components/content-language-fields.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError, SelectField, TextareaField, TextField } from '#app/components/field.tsx'
import { LockedNotice, RowControls } from '#app/components/program-part-controls.tsx'
import { QUESTION_KINDS, QUESTION_KIND_LABELS } from '#app/domain/programs/program-questions.ts'
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
      'Question added.',
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
      'Question saved.',
      undefined,
      draftKeys.question(questionId),
    )
  }
  if (intent === 'remove-question') {
    return finish(await removeQuestion(actor, program.id, questionId), 'Question removed.')
  }
  if (intent === 'move-question') {
    return move(
      (direction) => moveQuestion(actor, program.id, questionId, direction),
      'Question moved.',
    )
  }
  return formFailure({ form: 'Unknown action.' }, formData)
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
        title={question ? `Edit “${question.label}”` : 'Add a question'}
        headingLevel={3}
        actions={question ? <Link to=".">Stop editing</Link> : null}
      >
        <DraftBackupForm draft={{ key: draftKey, version: 0 }} form={form}>
          <input type="hidden" name="intent" value={question ? 'save-question' : 'add-question'} />
          {question ? <input type="hidden" name="questionId" value={question.id} /> : null}
          <TextField
            label="Question"
            required
            error={form.errorOf('label')}
            {...form.field('label')}
          />
          <SelectField
            label="Kind of answer"
            required
            options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))}
            error={form.errorOf('kind')}
            {...form.field('kind')}
          />
          <TextareaField
            label="Help text"
            hint="Shown under the question, to say what a good answer covers."
            rows={2}
            error={form.errorOf('helpText')}
            {...form.field('helpText')}
          />
          <div className="choice field">
            <input type="checkbox" id="field-required" {...form.choice('required', 'on')} />
            <label htmlFor="field-required">Applicants must answer it</label>
          </div>
          <TextareaField
            label="Options"
            hint="For single and multiple choice: one option per line, at least two."
            rows={4}
            error={form.errorOf('options')}
            {...form.field('options')}
          />
          <TextField
            label="Word limit"
            type="number"
            min={1}
            max={WORD_LIMIT_MAX}
            step={1}
            hint="For long text only. Leave empty for no limit."
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
            {question ? 'Save question' : 'Add question'}
          </Button>
        </DraftBackupForm>
      </Card>
    </div>
  )
}

function describe(q: Question) {
  const parts = [QUESTION_KIND_LABELS[q.kind], q.required ? 'required' : 'optional']
  if (q.wordLimit) parts.push(`up to ${q.wordLimit.toLocaleString('en-US')} words`)
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
  return (
    <>
      <Card title="Questions" headingLevel={3}>
        <LockedNotice locked={locked} message={lockedMessage} />
        {!formIntent ? <FormError message={failure?.errors.form} /> : null}
        <p>
          Applicants answer these after the standard steps: organisation, community, project, budget
          and, where the program allows it, volunteer skills.
        </p>
        {questions.length === 0 ? (
          <EmptyState title="No questions of your own yet">
            <p>The standard steps may be all you need. Ask only what you will use.</p>
          </EmptyState>
        ) : (
          <ol className="plain-list">
            {questions.map((q, i) => (
              <li key={q.id} className="card">
                <h4>
                  {i + 1}. {q.label}
                </h4>
                <p className="hint">{describe(q)}</p>
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
