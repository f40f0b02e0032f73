import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { CheckboxField, FormError, SelectField, TextField } from '#app/components/field.tsx'
import { AmountFields, chosenGift, CoverFeeField } from '#app/components/give-fields.tsx'
import { GIFT_PRESETS_MINOR } from '#app/domain/donations/giving.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { GiveSchema } from '#app/schemas/donations/give.ts'
import { createCheckoutForDonation } from '#app/services/donations/checkout.server.ts'
import {
  findGivingFund,
  fundableGrants,
  type FundableGrant,
  type GivingFund,
} from '#app/services/donations/giving.server.ts'
import { isUuid } from '#app/lib/uuid.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { publicOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

export const handle: I18nHandle = { i18n: ['donations'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** Anyone may give to a public fund; a private or unknown one answers 404 alike. */
async function load(request: Request, slug: string | undefined) {
  const fund = await findGivingFund(slug ?? '', await requestLanguage(request))
  if (!fund) throwNotFound('donations:give.notFound')
  return fund
}

/** The fund's active grant `grantId` names, or null (no id, a malformed one, or not this fund's). */
async function designatedGrant(
  fundId: string,
  grantId: string | null,
  request: Request,
): Promise<FundableGrant | null> {
  if (!isUuid(grantId)) return null
  const [grant] = await fundableGrants(fundId, await requestLanguage(request), grantId)
  return grant ?? null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const fund = await load(request, params.fundSlug)
  const t = await requestT(request)
  const query = readQuery(request)
  // A program page's "Give" names its program, a grant's its grant; the form designates it.
  const program = fund.programs.find((p) => p.slug === query.get('program'))
  const grant = await designatedGrant(fund.id, query.get('grant'), request)
  return {
    title: t('donations:give.title', { fund: fund.name }),
    fund,
    grant,
    defaults: {
      preset: String(GIFT_PRESETS_MINOR[1]),
      interval: 'one_time' as const,
      programId: grant ? '' : (program?.id ?? ''),
      grantId: grant?.id ?? '',
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const fund = await load(request, params.fundSlug)
  const form = await parseForm(request, GiveSchema)
  if (!form.ok) return form.response
  // Closed since the page was opened: nothing is recorded, and what was typed stays.
  if (fund.givingClosed) return formFailure({ form: 'donations:give.closed' }, form.formData, 409)
  const { programId, grantId, ...gift } = form.data
  if (programId && !fund.programs.some((p) => p.id === programId)) {
    return formFailure({ programId: 'validation:gift.program' }, form.formData)
  }
  // A grant that ended (or was never this fund's) since the page was opened takes no gifts. The
  // page then no longer names it, so the message goes at the top of the form, not beside it.
  const grant = grantId ? await designatedGrant(fund.id, grantId, request) : null
  if (grantId && !grant) return formFailure({ form: 'validation:gift.grant' }, form.formData)
  const back = `${publicOrigin(request)}/funds/${fund.slug}`
  const started = await createCheckoutForDonation({
    ...gift,
    fundId: fund.id,
    programId: grant ? null : programId,
    grantId: grant?.id ?? null,
    language: await requestLanguage(request),
    successUrl: `${back}/thanks?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${back}/cancelled`,
  })
  if (!started.ok) throwNotFound('donations:give.notFound')
  return redirect(started.url)
}

/** The grant a gift goes to, named above the form; its id travels in a hidden field. */
function GrantDesignation({
  form,
  grant,
  fund,
}: {
  form: ReturnType<typeof useGiveForm>
  grant: FundableGrant
  fund: GivingFund
}) {
  const { t } = useTranslation('donations')
  const format = useFormatters()
  return (
    <div className="field">
      <input type="hidden" {...form.field('grantId')} />
      <p id="grant-designation">
        {t('donations:give.toGrant', { grantee: grant.grantee, program: grant.programTitle })}{' '}
        {t('donations:give.grantFunded', {
          funded: format.money(grant.fundedMinor, fund.currency),
          amount: format.money(grant.amountMinor, fund.currency),
        })}
      </p>
      <Link to={`/funds/${fund.slug}/give`}>{t('donations:give.toWholeFund')}</Link>
    </div>
  )
}

function DonorFields({ form, fund }: { form: ReturnType<typeof useGiveForm>; fund: GivingFund }) {
  const { grant } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  return (
    <>
      <TextField
        label={t('donations:give.name')}
        required
        autoComplete="name"
        error={form.errorOf('donorName')}
        {...form.field('donorName')}
      />
      <TextField
        label={t('donations:give.email')}
        hint={t('donations:give.emailHint')}
        type="email"
        required
        autoComplete="email"
        error={form.errorOf('donorEmail')}
        {...form.field('donorEmail')}
      />
      <CheckboxField
        name="anonymous"
        label={t('donations:give.anonymous')}
        hint={t('donations:give.anonymousHint')}
        props={form.choice('anonymous', 'on')}
      />
      {grant ? (
        <GrantDesignation form={form} grant={grant} fund={fund} />
      ) : fund.programs.length > 0 ? (
        <SelectField
          label={t('donations:give.program')}
          hint={t('donations:give.programHint')}
          placeholder={t('donations:give.wholeFund')}
          options={fund.programs.map((p) => ({ value: p.id, label: p.title }))}
          error={form.errorOf('programId')}
          {...form.field('programId')}
        />
      ) : null}
    </>
  )
}

function TributeFields({ form }: { form: ReturnType<typeof useGiveForm> }) {
  const { t } = useTranslation('donations')
  return (
    <fieldset className="field">
      <legend>{t('donations:give.tribute')}</legend>
      <SelectField
        label={t('donations:give.tributeKind')}
        placeholder={t('donations:give.noTribute')}
        options={[
          { value: 'honour', label: t('donations:give.honour') },
          { value: 'memory', label: t('donations:give.memory') },
        ]}
        error={form.errorOf('tributeKind')}
        {...form.field('tributeKind')}
      />
      <TextField
        label={t('donations:give.tributeName')}
        error={form.errorOf('tributeName')}
        {...form.field('tributeName')}
      />
      <TextField
        label={t('donations:give.tributeNotify')}
        hint={t('donations:give.tributeNotifyHint')}
        type="email"
        error={form.errorOf('tributeNotifyEmail')}
        {...form.field('tributeNotifyEmail')}
      />
    </fieldset>
  )
}

function useGiveForm() {
  const { defaults } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return useValidatedForm(GiveSchema, { failure, defaultValues: defaults })
}

export default function Give() {
  const { fund } = useLoaderData<typeof loader>()
  const { t } = useTranslation('donations')
  return (
    <>
      <h1>{t('donations:give.title', { fund: fund.name })}</h1>
      <p>
        <Link to={`/funds/${fund.slug}`}>{t('donations:give.aboutFund')}</Link>
      </p>
      {fund.givingClosed ? <p className="callout">{t('donations:give.closed')}</p> : <GiveForm />}
    </>
  )
}

function GiveForm() {
  const { fund } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const { t } = useTranslation('donations')
  const form = useGiveForm()
  const [preset, customAmount, interval] = form.watch(['preset', 'customAmount', 'interval'])
  return (
    <Card>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <AmountFields
          currency={fund.currency}
          field={form.field}
          choice={form.choice}
          errorOf={form.errorOf}
        />
        <CoverFeeField
          giftMinor={chosenGift(preset, customAmount)}
          monthly={interval === 'month'}
          currency={fund.currency}
          props={form.choice('coverFee', 'on')}
        />
        <DonorFields form={form} fund={fund} />
        <TributeFields form={form} />
        <Button busy={navigation.state !== 'idle'}>{t('donations:give.submit')}</Button>
      </Form>
    </Card>
  )
}
