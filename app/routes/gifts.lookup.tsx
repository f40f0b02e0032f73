import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { FormError } from '#app/components/field.tsx'
import { EmailField } from '#app/components/account-fields.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { GiftLookupSchema } from '#app/schemas/donations/gift-lookup.ts'
import { requestGiftLink } from '#app/services/donations/donor-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { refuse } from '#app/utils/results.server.ts'

// The email field's label is the sign-in forms'.
export const handle: I18nHandle = { i18n: ['gifts', 'auth'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** Anyone may ask; the page is the same for everyone. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await requestT(request)
  return { title: t('gifts:lookup.title') }
}

/**
 * The same answer whether or not the address gave (no list of donors to fish from); throttled
 * per address and IP. The mail is in the language this page was read in.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, GiftLookupSchema)
  if (!form.ok) return form.response
  const result = await requestGiftLink(
    form.data.email,
    requestOrigin(request, context).ip,
    await requestLanguage(request),
  )
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash('/gifts/lookup', { kind: 'info', message: 'gifts:lookup.sent' })
}

export default function GiftLookup() {
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('gifts')
  const form = useValidatedForm(GiftLookupSchema, { failure })
  return (
    <>
      <h1>{t('gifts:lookup.title')}</h1>
      <p className="lede">{t('gifts:lookup.lede')}</p>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <EmailField error={form.errorOf('email')} {...form.field('email')} />
        <Button busy={navigation.state === 'submitting'}>{t('gifts:lookup.submit')}</Button>
      </Form>
    </>
  )
}
