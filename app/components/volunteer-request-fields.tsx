import { useTranslation } from 'react-i18next'
import type { Message } from '#app/lib/i18n/message.ts'
import {
  SKILL_KEYS,
  SKILL_LEVEL_KEYS,
  SKILL_LEVELS,
  VOLUNTEER_SKILLS,
  WORK_MODE_KEYS,
  WORK_MODES,
} from '#app/domain/skills.ts'
import { ChoiceFieldset } from './choice-fieldset.tsx'
import { CheckboxField, SelectField, TextareaField, TextField } from './field.tsx'
import { PlacePicker, type PickedPlace } from './place-picker.tsx'
import {
  ErrorLine,
  useLanguageOptions,
  useTimeZoneOptions,
  WeeklyWindowsFieldset,
  type Choice,
  type Field,
} from './volunteer-profile-fields.tsx'

/**
 * A request's scope and safeguards, as a group fills them in from a catalogue template or edits
 * them later. Names follow VolunteerRequestSchema; each safeguard says what it sets in motion.
 */
export function VolunteerRequestFields({
  field: typedField,
  choice: typedChoice,
  errorOf,
  people,
  place,
  placeText,
  timeZone,
  hourRows,
  grants,
}: {
  field: Field
  choice: Choice
  errorOf: (name: string) => Message | undefined
  people: { id: string; name: string }[]
  place: PickedPlace[]
  placeText?: string
  timeZone: string
  hourRows: number
  /** The group's grants the work can support (none: the choice is not shown). */
  grants: { id: string; label: string }[]
}) {
  const { t } = useTranslation('volunteers')
  // The names are the schema's, some with a row or skill in them ("availability.0.start").
  const field = typedField as (name: string) => ReturnType<Field>
  const choice = typedChoice as (name: string, value: string) => ReturnType<Choice>
  const languages = useLanguageOptions()
  const zones = useTimeZoneOptions(timeZone)
  return (
    <>
      <TextField
        label={t('volunteers:requestForm.title')}
        required
        error={errorOf('title')}
        {...field('title')}
      />
      <div className="grid">
        <SelectField
          label={t('volunteers:requestForm.skill')}
          options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: t(SKILL_KEYS[s]) }))}
          required
          error={errorOf('skill')}
          {...field('skill')}
        />
        <SelectField
          label={t('volunteers:requestForm.minLevel')}
          options={SKILL_LEVELS.map((l) => ({ value: l, label: t(SKILL_LEVEL_KEYS[l]) }))}
          required
          error={errorOf('minLevel')}
          {...field('minLevel')}
        />
      </div>
      <TextareaField
        label={t('volunteers:requestForm.goal')}
        hint={t('volunteers:requestForm.goalHint')}
        required
        error={errorOf('goal')}
        {...field('goal')}
      />
      <TextareaField
        label={t('volunteers:requestForm.deliverable')}
        hint={t('volunteers:requestForm.deliverableHint')}
        required
        error={errorOf('deliverable')}
        {...field('deliverable')}
      />
      <TextareaField
        label={t('volunteers:requestForm.outOfScope')}
        hint={t('volunteers:requestForm.outOfScopeHint')}
        error={errorOf('outOfScope')}
        {...field('outOfScope')}
      />
      <div className="grid">
        <TextField
          label={t('volunteers:requestForm.hours')}
          inputMode="numeric"
          required
          error={errorOf('hours')}
          {...field('hours')}
        />
        <SelectField
          label={t('volunteers:requestForm.pointPerson')}
          hint={t('volunteers:requestForm.pointPersonHint')}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          required
          error={errorOf('pointPerson')}
          {...field('pointPerson')}
        />
        <TextField
          type="date"
          label={t('volunteers:requestForm.deadline')}
          hint={t('volunteers:requestForm.deadlineHint')}
          error={errorOf('deadline')}
          {...field('deadline')}
        />
      </div>
      <ChoiceFieldset
        legend={t('volunteers:requestForm.languagesLegend')}
        hint={t('volunteers:requestForm.languagesHint')}
        name="languages"
        error={errorOf('languages')}
        options={languages}
        choice={(value) => choice('languages', value)}
        columns
      />
      <ChoiceFieldset
        legend={t('volunteers:requestForm.preferredLanguagesLegend')}
        hint={t('volunteers:requestForm.preferredLanguagesHint')}
        name="preferredLanguages"
        error={errorOf('preferredLanguages')}
        options={languages}
        choice={(value) => choice('preferredLanguages', value)}
        columns
      />
      <SelectField
        label={t('volunteers:requestForm.timeZone')}
        hint={t('volunteers:requestForm.timeZoneHint')}
        options={zones}
        required
        error={errorOf('timeZone')}
        {...field('timeZone')}
      />
      <WeeklyWindowsFieldset
        name="groupHours"
        legend={t('volunteers:requestForm.groupHoursLegend')}
        hint={t('volunteers:requestForm.groupHoursHint')}
        rows={hourRows}
        field={typedField}
        errorOf={errorOf}
      />
      {grants.length > 0 ? (
        <SelectField
          label={t('volunteers:requestForm.grant')}
          hint={t('volunteers:requestForm.grantHint')}
          placeholder={t('volunteers:requestForm.noGrant')}
          options={grants.map((g) => ({ value: g.id, label: g.label }))}
          error={errorOf('grant')}
          {...field('grant')}
        />
      ) : null}
      <SelectField
        label={t('volunteers:requestForm.workMode')}
        options={WORK_MODES.map((m) => ({ value: m, label: t(WORK_MODE_KEYS[m]) }))}
        required
        error={errorOf('workMode')}
        {...field('workMode')}
      />
      <PlacePicker
        name="placeFips"
        label={t('volunteers:requestForm.place')}
        hint={t('volunteers:requestForm.placeHint')}
        error={errorOf('placeFips')}
        defaultValue={place}
        defaultText={placeText}
      />
      <fieldset className="field">
        <legend>{t('volunteers:requestForm.flagsLegend')}</legend>
        <CheckboxField
          name="touchesPersonalData"
          label={t('volunteers:requestForm.touchesPersonalData')}
          hint={t('volunteers:requestForm.touchesPersonalDataHint')}
          props={{ ...choice('touchesPersonalData', 'on') }}
        />
        <CheckboxField
          name="vulnerableInPerson"
          label={t('volunteers:requestForm.vulnerableInPerson')}
          hint={t('volunteers:requestForm.vulnerableInPersonHint')}
          props={{ ...choice('vulnerableInPerson', 'on') }}
        />
        <CheckboxField
          name="backgroundCheckRequired"
          label={t('volunteers:requestForm.backgroundCheckRequired')}
          hint={t('volunteers:requestForm.backgroundCheckRequiredHint')}
          props={{ ...choice('backgroundCheckRequired', 'on') }}
        />
        <ErrorLine
          id="backgroundCheckRequired-error"
          message={errorOf('backgroundCheckRequired')}
        />
      </fieldset>
    </>
  )
}
