import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { OrganizationProfileFields } from '#app/components/organization-profile-fields.tsx'
import { OrganizationProfileSchema } from '#app/schemas/organization.ts'
import {
  MANAGER_ROLES,
  updateOrganizationProfile,
} from '#app/services/organizations/organizations.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { useTranslation } from 'react-i18next'

// The profile fields and the county picker use the applications' words.
export const handle: I18nHandle = { i18n: ['organizations', 'applications'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, MANAGER_ROLES)
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
    draft: {
      key: draftKeys.organizationProfile(organization.id),
      version: organization.updatedAt.getTime(),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgRole(request, params.slug, MANAGER_ROLES)
  const form = await parseForm(request, OrganizationProfileSchema)
  if (!form.ok) return form.response
  await updateOrganizationProfile(
    { id: user.id, ip: requestOrigin(request, context).ip },
    organization,
    form.data,
  )
  return redirectWithFlash(`/orgs/${organization.slug}`, {
    kind: 'success',
    message: 'common:flash.profileSaved',
    draft: draftKeys.organizationProfile(organization.id),
  })
}

export default function OrganizationSettings() {
  const { profile, draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('organizations')
  const form = useValidatedForm(OrganizationProfileSchema, { failure, defaultValues: profile })
  return (
    <Card title={t('organizations:settings.title')}>
      <p className="hint">{t('organizations:settings.hint')}</p>
      <DraftBackupForm draft={draft} form={form}>
        <OrganizationProfileFields field={form.field} errorOf={form.errorOf} />
        <Button busy={navigation.state === 'submitting'}>
          {t('organizations:settings.submit')}
        </Button>
      </DraftBackupForm>
    </Card>
  )
}
