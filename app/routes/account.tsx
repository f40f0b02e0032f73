import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { useMessage } from '#app/lib/i18n/message.ts'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, SelectField } from '#app/components/field.tsx'
import { CurrentPasswordField, NewPasswordFields } from '#app/components/account-fields.tsx'
import { DataTable } from '#app/components/table.tsx'
import { ChangePasswordSchema } from '#app/schemas/auth.ts'
import { LanguagePreferenceSchema } from '#app/schemas/language.ts'
import {
  changePassword,
  setLanguagePreference,
  signOutOtherSessions,
} from '#app/services/accounts/accounts.server.ts'
import { listUserSessions } from '#app/services/accounts/sessions.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { Moment } from '#app/components/moment.tsx'
import { readForm } from '#app/utils/request-body.server.ts'
import { LANGUAGE_NAMES, LANGUAGES, type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { languageCookie, requestT } from '#app/utils/i18n.server.ts'

export const handle: I18nHandle = { i18n: ['account', 'auth'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const sessions = await listUserSessions(user.id)
  const t = await requestT(request)
  return {
    title: t('account:title'),
    user: { name: user.name, email: user.email, language: user.language ?? '' },
    sessions: sessions.map((s) => ({
      key: s.id.slice(0, 12),
      current: s.id === user.sessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      browser: s.browser,
      ip: s.ip ?? '',
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readForm(request)
  const origin = requestOrigin(request, context)
  if (formData.get('intent') === 'end-other-sessions') {
    await signOutOtherSessions(user, origin)
    return redirectWithFlash('/account', {
      kind: 'success',
      message: 'common:flash.signedOutElsewhere',
    })
  }
  if (formData.get('intent') === 'language') {
    const form = await parseForm(formData, LanguagePreferenceSchema)
    if (!form.ok) return form.response
    await setLanguagePreference(user.id, form.data.language)
    // The cookie follows, so the choice also holds on this browser after logging out.
    return redirectWithFlash(
      '/account',
      { kind: 'success', message: 'common:flash.languageSaved' },
      form.data.language ? { headers: { 'Set-Cookie': languageCookie(form.data.language) } } : {},
    )
  }
  const form = await parseForm(formData, ChangePasswordSchema)
  if (!form.ok) return form.response
  const result = await changePassword(user, form.data, origin)
  if (!result.ok) return refuse(result, formData)
  return redirectWithFlash('/account', {
    kind: 'success',
    message: 'common:flash.passwordChanged',
  })
}

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('account')
  const tm = useMessage()
  const form = useValidatedForm(ChangePasswordSchema, { failure })
  return (
    <>
      <h1>{t('account:title')}</h1>
      <Card title={t('account:profile.title')}>
        <dl className="facts">
          <dt>{t('account:profile.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account:profile.email')}</dt>
          <dd>
            {user.email} <Link to="/account/email">{t('account:email.change')}</Link>
          </dd>
        </dl>
      </Card>
      <Card title={t('account:language.title')}>
        {/* A plain post: the page reloads in the language chosen. */}
        <form method="post" className="stack">
          <input type="hidden" name="intent" value="language" />
          <SelectField
            label={t('account:language.label')}
            name="language"
            defaultValue={user.language}
            options={[
              { value: '', label: t('account:language.browser') },
              ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
            ]}
          />
          <Button variant="secondary">{t('account:language.save')}</Button>
        </form>
      </Card>
      <Card title={t('account:password.title')}>
        <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
          <FormError message={form.formError} />
          <CurrentPasswordField
            error={form.errorOf('currentPassword')}
            {...form.field('currentPassword')}
          />
          <NewPasswordFields form={form} />
          <Button busy={navigation.state === 'submitting'}>{t('account:password.submit')}</Button>
        </Form>
      </Card>
      <Card title={t('account:sessions.title')}>
        <DataTable
          caption={t('account:sessions.caption')}
          rows={sessions}
          rowKey={(s) => s.key}
          columns={[
            { header: t('account:sessions.browser'), cell: (s) => tm(s.browser) },
            { header: t('account:sessions.address'), cell: (s) => s.ip },
            { header: t('account:sessions.signedIn'), cell: (s) => <Moment iso={s.createdAt} /> },
            {
              header: t('account:sessions.lastActive'),
              cell: (s) => <Moment iso={s.lastSeenAt} />,
            },
            {
              header: t('account:sessions.thisDevice'),
              cell: (s) => (s.current ? t('account:sessions.yes') : ''),
            },
          ]}
        />
        {sessions.length > 1 ? (
          <Form method="post" className="actions">
            <Button variant="secondary" name="intent" value="end-other-sessions">
              {t('account:sessions.signOutOthers')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </>
  )
}
