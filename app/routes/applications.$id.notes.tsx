import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, TextareaField } from '#app/components/field.tsx'
import { useMoments } from '#app/components/moment.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { InternalNoteSchema } from '#app/schemas/applications/officer-actions.ts'
import {
  addInternalNote,
  listInternalNotes,
} from '#app/services/applications/internal-notes.server.ts'
import { requireOfficerApplication } from '#app/utils/application-route.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'

/** The funder's internal notes on an application: its program officers only. */
export const handle: I18nHandle = { i18n: ['applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireOfficerApplication(request, params.id)
  const t = await requestT(request)
  const notes = await listInternalNotes(loaded.application.id)
  return {
    title: t('applications:notes.title'),
    id: loaded.application.id,
    notes: notes.map((n) => ({ ...n, at: n.at.toISOString() })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, loaded } = await requireOfficerApplication(request, params.id)
  const form = await parseForm(request, InternalNoteSchema)
  if (!form.ok) return form.response
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  await addInternalNote(actor, loaded.application, form.data.body)
  return redirectWithFlash(`/applications/${loaded.application.id}/notes`, {
    kind: 'success',
    message: 'common:flash.noteAdded',
  })
}

export default function InternalNotes() {
  const { id, notes } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(InternalNoteSchema, { failure })
  const navigation = useNavigation()
  const moment = useMoments()
  const { t } = useTranslation('applications')
  return (
    <>
      <p>
        <Link to={`/applications/${id}`}>{t('applications:notes.back')}</Link>
      </p>
      <Card title={t('applications:notes.title')}>
        <p>{t('applications:notes.intro')}</p>
        {notes.length ? (
          <ol className="stack">
            {notes.map((n) => (
              <li key={n.id}>
                <p className="hint">
                  {n.author
                    ? t('applications:notes.byline', { name: n.author })
                    : t('applications:notes.bylineUnknown')}{' '}
                  {moment(n.at)}
                </p>
                <p className="written">{n.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('applications:notes.none')}</p>
        )}
      </Card>
      <Card title={t('applications:notes.add')}>
        <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
          <FormError message={form.formError} />
          <TextareaField
            label={t('applications:notes.body')}
            rows={4}
            required
            error={form.errorOf('body')}
            {...form.field('body')}
          />
          <div className="actions">
            <Button busy={navigation.state === 'submitting'}>{t('applications:notes.save')}</Button>
          </div>
        </Form>
      </Card>
    </>
  )
}
