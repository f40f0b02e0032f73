import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { LocalTime } from '#app/components/local-time.tsx'
import { FormError, SelectField } from '#app/components/field.tsx'
import { showText, contentLanguageOf } from '#app/domain/bilingual.ts'
import { ASSIGNMENT_STATE_KEYS } from '#app/domain/review/review-states.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { TieActionSchema } from '#app/schemas/review/review.ts'
import { addTie, listTieChoices, listTies, removeTie } from '#app/services/review/panel.server.ts'
import { listMyAssignments } from '#app/services/review/reviewing.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['review'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [assignments, ties, choices, t, reader] = await Promise.all([
    listMyAssignments(user.id),
    listTies(user.id),
    listTieChoices(),
    requestT(request),
    requestLanguage(request),
  ])
  const tied = new Set(ties.map((t) => t.organizationId))
  return {
    title: t('review:queue.title'),
    assignments: assignments.map((a) => ({
      id: a.id,
      state: a.state,
      program: showText(reader, {
        language: contentLanguageOf(a.programLanguage),
        text: a.programTitle,
        translation: a.programTitleTranslation,
      }).text,
      due: a.reviewsDueAt ? { at: a.reviewsDueAt.toISOString(), timeZone: a.timeZone } : null,
      // Blind review: the queue names neither the group nor its project until the gate is passed.
      organization: a.blind ? null : a.organizationName,
    })),
    ties,
    choices: choices.filter((c) => !tied.has(c.id)),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, TieActionSchema)
  if (!form.ok) return form.response
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const { intent, organizationId } = form.data
  const result =
    intent === 'add-tie'
      ? await addTie(actor, organizationId)
      : await removeTie(actor, organizationId)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash('/reviews', {
    kind: 'success',
    message: intent === 'add-tie' ? 'review:ties.added' : 'review:ties.removed',
  })
}

export default function ReviewQueue() {
  const { assignments, ties, choices } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('review')
  return (
    <>
      <h1>{t('review:queue.title')}</h1>
      <Card title={t('review:queue.assignments')}>
        {assignments.length === 0 ? (
          <EmptyState title={t('review:queue.none')} />
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('review:queue.assignments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review:queue.review')}</th>
                <th scope="col">{t('review:queue.program')}</th>
                <th scope="col">{t('review:queue.state')}</th>
                <th scope="col">{t('review:queue.due')}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/reviews/${a.id}`}>
                      {a.organization ?? t('review:queue.reviewNumber', { id: a.id.slice(0, 8) })}
                    </Link>
                  </td>
                  <td>{a.program}</td>
                  <td>{t(ASSIGNMENT_STATE_KEYS[a.state])}</td>
                  <td>
                    {a.due ? (
                      <LocalTime iso={a.due.at} timeZone={a.due.timeZone} />
                    ) : (
                      t('review:queue.noDue')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t('review:ties.title')}>
        <p>{t('review:ties.intro')}</p>
        {ties.length === 0 ? (
          <p>{t('review:ties.none')}</p>
        ) : (
          <ul>
            {ties.map((tie) => (
              <li key={tie.organizationId}>
                <Form method="post" className="inline-form">
                  {tie.name}{' '}
                  <input type="hidden" name="organizationId" value={tie.organizationId} />
                  <Button variant="link" name="intent" value="remove-tie">
                    {t('review:ties.remove', { name: tie.name })}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="stack">
          <FormError message={failure?.errors.form} />
          <SelectField
            label={t('review:ties.organization')}
            name="organizationId"
            required
            placeholder={t('review:ties.choose')}
            options={choices.map((c) => ({ value: c.id, label: c.name }))}
            error={failure?.errors.organizationId}
          />
          <div className="actions">
            <Button name="intent" value="add-tie">
              {t('review:ties.add')}
            </Button>
          </div>
        </Form>
      </Card>
    </>
  )
}
