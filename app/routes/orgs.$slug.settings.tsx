import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
import { OrganizationProfileFields } from '#app/components/organization-profile-fields.tsx'
import type { FormFailure } from '#app/lib/forms.ts'
import { OrganizationProfileSchema, OrganizationReceiptSchema } from '#app/schemas/organization.ts'
import {
  MANAGER_ROLES,
  updateOrganizationProfile,
  updateOrganizationReceiptDetails,
} from '#app/services/organizations/organizations.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { forbidden, redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { useTranslation } from 'react-i18next'

// The profile fields and the county picker use the applications' words.
export const handle: I18nHandle = { i18n: ['organizations', 'applications'] }

/** The receipts form's intent; a post without it is the profile's. */
const RECEIPTS = 'receipts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgRole(request, params.slug, MANAGER_ROLES)
  const { name, mission, location, leadership, communitiesServed, budgetBand, website } =
    organization
  return {
    slug: organization.slug,
    profile: {
      name,
      mission,
      location,
      leadership,
      communitiesServed,
      budgetBand: budgetBand ?? ('' as const),
      website,
    },
    receipts: {
      legalName: organization.legalName,
      registrationNumber: organization.registrationNumber,
    },
    // What a donor's receipt says is the owners' word; admins see it.
    canEditReceipts: role === 'owner',
    draft: {
      key: draftKeys.organizationProfile(organization.id),
      version: organization.updatedAt.getTime(),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, organization, role } = await requireOrgRole(request, params.slug, MANAGER_ROLES)
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const formData = await readForm(request)
  if (formData.get('intent') === RECEIPTS) {
    if (role !== 'owner') throw forbidden('organizations:refusals.receiptsOnlyByOwner')
    const form = await parseForm(formData, OrganizationReceiptSchema)
    if (!form.ok) return form.response
    await updateOrganizationReceiptDetails(actor, organization, form.data)
    return redirectWithFlash(`/orgs/${organization.slug}/settings`, {
      kind: 'success',
      message: 'common:flash.receiptDetailsSaved',
    })
  }
  const form = await parseForm(formData, OrganizationProfileSchema)
  if (!form.ok) return form.response
  await updateOrganizationProfile(actor, organization, form.data)
  return redirectWithFlash(`/orgs/${organization.slug}`, {
    kind: 'success',
    message: 'common:flash.profileSaved',
    draft: draftKeys.organizationProfile(organization.id),
  })
}

/** The legal name and registration number donation receipts show: a form for owners. */
function ReceiptDetails({ failure }: { failure: FormFailure | undefined }) {
  const { receipts, canEditReceipts } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const { t } = useTranslation('organizations')
  const form = useValidatedForm(OrganizationReceiptSchema, { failure, defaultValues: receipts })
  const fields = {
    legalName: {
      label: t('organizations:settings.receipts.legalName'),
      hint: t('organizations:settings.receipts.legalNameHint'),
    },
    registrationNumber: {
      label: t('organizations:settings.receipts.registrationNumber'),
      hint: t('organizations:settings.receipts.registrationNumberHint'),
    },
  }
  return (
    <Card title={t('organizations:settings.receipts.title')}>
      <p className="hint">{t('organizations:settings.receipts.hint')}</p>
      {canEditReceipts ? (
        <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
          <FormError message={form.formError} />
          <input type="hidden" name="intent" value={RECEIPTS} />
          <TextField
            {...fields.legalName}
            error={form.errorOf('legalName')}
            autoComplete="organization"
            {...form.field('legalName')}
          />
          <TextField
            {...fields.registrationNumber}
            error={form.errorOf('registrationNumber')}
            {...form.field('registrationNumber')}
          />
          <Button
            busy={
              navigation.state === 'submitting' && navigation.formData?.get('intent') === RECEIPTS
            }
          >
            {t('organizations:settings.receipts.submit')}
          </Button>
        </Form>
      ) : (
        <>
          <dl className="facts">
            <dt>{fields.legalName.label}</dt>
            <dd>{receipts.legalName || t('organizations:settings.receipts.notSet')}</dd>
            <dt>{fields.registrationNumber.label}</dt>
            <dd>{receipts.registrationNumber || t('organizations:settings.receipts.notSet')}</dd>
          </dl>
          <p>{t('organizations:settings.receipts.ownersOnly')}</p>
        </>
      )}
    </Card>
  )
}

export default function OrganizationSettings() {
  const { profile, draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const forReceipts = failure?.values.intent === RECEIPTS
  const navigation = useNavigation()
  const { t } = useTranslation('organizations')
  const form = useValidatedForm(OrganizationProfileSchema, {
    failure: forReceipts ? undefined : failure,
    defaultValues: profile,
  })
  return (
    <>
      <Card title={t('organizations:settings.title')}>
        <p className="hint">{t('organizations:settings.hint')}</p>
        <DraftBackupForm draft={draft} form={form}>
          <OrganizationProfileFields field={form.field} errorOf={form.errorOf} />
          <Button busy={navigation.state === 'submitting' && !navigation.formData?.get('intent')}>
            {t('organizations:settings.submit')}
          </Button>
        </DraftBackupForm>
      </Card>
      <ReceiptDetails failure={forReceipts ? failure : undefined} />
    </>
  )
}
