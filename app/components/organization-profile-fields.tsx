import type { Message } from '#app/lib/i18n/message.ts'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { SelectField, TextareaField, TextField } from './field.tsx'
import { BUDGET_BANDS, BUDGET_BAND_KEYS } from '#app/domain/organizations.ts'

type ProfileField =
  'name' | 'mission' | 'location' | 'leadership' | 'communitiesServed' | 'budgetBand' | 'website'

/**
 * The profile fields shared by "create organisation" and "edit profile". Its words are in the
 * `applications` namespace (with the organisation step): routes using it declare that namespace.
 */
export function OrganizationProfileFields({
  field,
  errorOf,
}: {
  field: (name: ProfileField) => UseFormRegisterReturn & { defaultValue?: string }
  errorOf: (name: string) => Message | undefined
}) {
  const { t } = useTranslation('applications')
  return (
    <>
      <TextField
        label={t('applications:organization.profile.name')}
        required
        error={errorOf('name')}
        {...field('name')}
      />
      <TextareaField
        label={t('applications:organization.profile.mission')}
        hint={t('applications:organization.profile.missionHint')}
        error={errorOf('mission')}
        {...field('mission')}
      />
      <TextField
        label={t('applications:organization.profile.location')}
        hint={t('applications:organization.profile.locationHint')}
        error={errorOf('location')}
        {...field('location')}
      />
      <TextareaField
        label={t('applications:organization.profile.leadership')}
        hint={t('applications:organization.profile.leadershipHint')}
        error={errorOf('leadership')}
        {...field('leadership')}
      />
      <TextareaField
        label={t('applications:organization.profile.communitiesServed')}
        error={errorOf('communitiesServed')}
        {...field('communitiesServed')}
      />
      <SelectField
        label={t('applications:organization.profile.budgetBand.label')}
        placeholder={t('applications:organization.profile.budgetBand.none')}
        options={BUDGET_BANDS.map((b) => ({ value: b, label: t(BUDGET_BAND_KEYS[b]) }))}
        error={errorOf('budgetBand')}
        {...field('budgetBand')}
      />
      <TextField
        label={t('applications:organization.profile.website')}
        type="url"
        inputMode="url"
        hint={t('applications:organization.profile.websiteHint')}
        error={errorOf('website')}
        {...field('website')}
      />
    </>
  )
}
