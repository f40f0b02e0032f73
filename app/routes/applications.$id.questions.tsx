import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { Fragment, useMemo } from 'react'
import { StepForm, useStepVersion } from '#app/components/application-step-form.tsx'
import { AttachmentList, UploadForm } from '#app/components/attachment-list.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { ChoiceFieldset } from '#app/components/choice-fieldset.tsx'
import { TextareaField, TextField } from '#app/components/field.tsx'
import { questionsStepSchema } from '#app/schemas/applications/application.ts'
import { listQuestions } from '#app/services/programs/program-questions.server.ts'
import { listAttachments } from '#app/services/applications/attachments.server.ts'
import { handleStepSave, requireEditableStep } from '#app/utils/application-route.server.ts'
import { flashFor, uploadField } from '#app/lib/flash.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { YES_NO } from '#app/domain/programs/program-questions.ts'
import { useRootData } from '#app/root.tsx'
import { WordCounter } from '#app/components/word-counter.tsx'
import { ContentText } from '#app/components/content-text.tsx'
import { showQuestion } from '#app/services/programs/program-content.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'
import type { Language } from '#app/lib/i18n/config.ts'

/** A long-text answer as the form holds it (anything else counts as no words). */
const answerText = (value: unknown) => (typeof value === 'string' ? value : '')

async function questionsFor(programId: string, reader: Language = 'en') {
  return (await listQuestions(programId)).map((q) => ({
    // The funder's words in the reader's language, else the other (noted); values stay as stored.
    shown: showQuestion(q, reader),
    id: q.id,
    kind: q.kind,
    label: q.label,
    helpText: q.helpText,
    required: q.required,
    options: q.options,
    wordLimit: q.wordLimit,
  }))
}

export const handle: I18nHandle = { i18n: ['applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireEditableStep(request, params.id, 'questions')
  const a = loaded.application
  const [questions, files] = await Promise.all([
    questionsFor(a.programId, await requestLanguage(request)),
    listAttachments(a.id),
  ])
  const answers = Object.fromEntries(
    Object.entries(a.answers).map(([k, v]) => [
      k,
      Array.isArray(v) ? v : v === null ? '' : String(v),
    ]),
  )
  return { id: a.id, questions, files, values: { version: String(a.version), answers } }
}

export const action = async (args: ActionFunctionArgs) => {
  const { loaded } = await requireEditableStep(args.request, args.params.id, 'questions')
  const schema = questionsStepSchema(await questionsFor(loaded.application.programId))
  return handleStepSave(args, 'questions', schema, async (data) => ({
    step: 'questions',
    data: { answers: data.answers },
  }))
}

/** A question's label in the reader's language, marked "(optional)" when it is. */
function QuestionLabel({
  q,
}: {
  q: { required: boolean; shown: { label: Parameters<typeof ContentText>[0]['shown'] } }
}) {
  const label = <ContentText shown={q.shown.label} />
  if (q.required) return label
  return <Trans i18nKey="applications:questions.optionalLabel" components={{ label }} />
}

export default function QuestionsStep() {
  const { values } = useLoaderData<typeof loader>()
  return <Editor key={useStepVersion(values.version)} />
}

function Editor() {
  const { id, questions, files, values } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const schema = useMemo(() => questionsStepSchema(questions), [questions])
  const form = useValidatedForm(schema, { failure, defaultValues: values })
  const written = questions.filter((q) => q.kind !== 'file')
  const fileQuestions = questions.filter((q) => q.kind === 'file')
  const flash = useRootData()?.flash
  const { t } = useTranslation('applications')
  return (
    <>
      <Card title={t('applications:questions.title')}>
        {written.length === 0 ? <EmptyState title={t('applications:questions.none')} /> : null}
        <StepForm
          form={form}
          failure={failure}
          applicationId={id}
          step="questions"
          version={Number(values.version)}
        >
          {written.map((q) => {
            const name = `answers.${q.id}` as const
            const help = q.shown.helpText.text ? <ContentText shown={q.shown.helpText} /> : null
            const common = {
              label: <ContentText shown={q.shown.label} />,
              hint:
                help || q.wordLimit ? (
                  <>
                    {help}
                    {help && q.wordLimit ? ' ' : null}
                    {q.wordLimit
                      ? t('applications:questions.wordLimit', { count: q.wordLimit })
                      : null}
                  </>
                ) : undefined,
              required: q.required,
              error: form.errorOf(name),
            }
            if (q.kind === 'long_text')
              return (
                <Fragment key={q.id}>
                  <TextareaField rows={6} {...common} {...form.field(name)} />
                  {q.wordLimit ? (
                    <WordCounter text={answerText(form.watch(name))} limit={q.wordLimit} />
                  ) : null}
                </Fragment>
              )
            if (q.kind === 'single_choice' || q.kind === 'multi_choice' || q.kind === 'yes_no') {
              const options: readonly string[] = q.kind === 'yes_no' ? YES_NO : q.options
              return (
                <ChoiceFieldset
                  key={q.id}
                  legend={<QuestionLabel q={q} />}
                  hint={common.hint}
                  name={name}
                  error={common.error}
                  type={q.kind === 'multi_choice' ? 'checkbox' : 'radio'}
                  options={options.map((o, i) => ({
                    value: o,
                    label:
                      q.kind === 'yes_no' ? (
                        o === 'yes' ? (
                          t('applications:questions.yes')
                        ) : (
                          t('applications:questions.no')
                        )
                      ) : (
                        <ContentText shown={q.shown.options[i]!} />
                      ),
                  }))}
                  choice={(v) => form.choice(name, v)}
                />
              )
            }
            return (
              <TextField
                key={q.id}
                inputMode={q.kind === 'number' ? 'decimal' : undefined}
                {...common}
                {...form.field(name)}
              />
            )
          })}
        </StepForm>
      </Card>
      <Card title={t('applications:questions.files')}>
        {fileQuestions.map((q) => (
          <section key={q.id} className="field">
            <h3>
              <QuestionLabel q={q} />
            </h3>
            {q.shown.helpText.text ? (
              <p className="hint">
                <ContentText shown={q.shown.helpText} />
              </p>
            ) : null}
            <AttachmentList
              applicationId={id}
              files={files.filter((f) => f.questionId === q.id)}
              editable
            />
            <UploadForm
              id={`upload-${q.id}`}
              action={`/applications/${id}/attachments`}
              fields={{ questionId: q.id }}
              label={t('applications:questions.addFileFor', { label: q.shown.label.text })}
              target={q.shown.label.text}
              error={flashFor(flash, uploadField(q.id))}
            />
          </section>
        ))}
        <section className="field">
          <h3>{t('applications:questions.otherDocuments')}</h3>
          <AttachmentList applicationId={id} files={files.filter((f) => !f.questionId)} editable />
          <UploadForm
            id="upload-general"
            action={`/applications/${id}/attachments`}
            fields={{ questionId: '' }}
            label={t('applications:questions.addDocument')}
            target={t('applications:questions.documentTarget')}
            error={flashFor(flash, uploadField(null))}
          />
        </section>
      </Card>
    </>
  )
}
