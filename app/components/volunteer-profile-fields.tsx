import { useTranslation } from 'react-i18next'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useMessage, type Message } from '#app/lib/i18n/message.ts'
import { LOCALES, isLanguage } from '#app/lib/i18n/config.ts'
import { TIME_ZONES } from '#app/lib/time-zones.ts'
import {
  SKILL_KEYS,
  SKILL_LEVEL_KEYS,
  SKILL_LEVELS,
  VOLUNTEER_SKILLS,
  WORK_MODE_KEYS,
  WORK_MODES,
} from '#app/domain/skills.ts'
import { LANGUAGE_CODES, languageName } from '#app/domain/volunteers/languages.ts'
import {
  timeOf,
  WEEKDAY_KEYS,
  WEEKDAYS,
  type AvailabilityWindow,
} from '#app/domain/volunteers/availability.ts'
import { TRAVEL_AREA_KEYS, TRAVEL_AREAS } from '#app/domain/volunteers/travel-area.ts'
import { ChoiceFieldset } from './choice-fieldset.tsx'
import { CheckboxField, SelectField, TextareaField, TextField } from './field.tsx'
import { PlacePicker, type PickedPlace } from './place-picker.tsx'
import { TIME_ZONE_KEYS } from './program-details-fields.tsx'

/** A validated form's `field` and `choice`, as the volunteer forms' field groups take them. */
export type Field = (name: never) => UseFormRegisterReturn & { defaultValue?: string }
export type Choice = (
  name: never,
  value: string,
) => UseFormRegisterReturn & { value: string; defaultChecked: boolean }

/** The language list in the reader's language, sorted by its names there. */
export function useLanguageOptions() {
  const { i18n } = useTranslation()
  const locale = isLanguage(i18n.language) ? LOCALES[i18n.language] : 'en-US'
  return LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, locale) })).sort(
    (a, b) => a.label.localeCompare(b.label, locale),
  )
}

/** The offered zones, with a zone saved earlier that is not among them kept as it is. */
export function useTimeZoneOptions(current: string) {
  const { t } = useTranslation()
  const options = TIME_ZONES.map((z) => ({
    value: z.value as string,
    label: t(TIME_ZONE_KEYS[z.value]),
  }))
  if (current && !options.some((o) => o.value === current)) {
    options.push({ value: current, label: current })
  }
  return options
}

/**
 * The volunteer profile form's fields (/volunteer): what the volunteer offers, in which languages,
 * where and when. Names follow VolunteerProfileSchema.
 */
export function VolunteerProfileFields({
  field: typedField,
  choice: typedChoice,
  errorOf,
  place,
  placeText,
  timeZone,
  windows,
}: {
  field: Field
  choice: Choice
  errorOf: (name: string) => Message | undefined
  place: PickedPlace[]
  placeText?: string
  timeZone: string
  windows: number
}) {
  const { t } = useTranslation('volunteers')
  // The names are the schema's, some with a row or skill in them ("availability.0.start").
  const field = typedField as (name: string) => ReturnType<Field>
  const choice = typedChoice as (name: string, value: string) => ReturnType<Choice>
  const languages = useLanguageOptions()
  const zones = useTimeZoneOptions(timeZone)
  const levels = [
    { value: '', label: t('volunteers:profileForm.notOffered') },
    ...SKILL_LEVELS.map((l) => ({ value: l, label: t(SKILL_LEVEL_KEYS[l]) })),
  ]
  return (
    <>
      <TextField
        label={t('volunteers:profileForm.headline')}
        hint={t('volunteers:profileForm.headlineHint')}
        required
        error={errorOf('headline')}
        {...field('headline')}
      />
      <TextareaField
        label={t('volunteers:profileForm.bio')}
        hint={t('volunteers:profileForm.bioHint')}
        rows={5}
        error={errorOf('bio')}
        {...field('bio')}
      />
      <fieldset className={errorOf('skills') ? 'field field-invalid' : 'field'}>
        <legend>{t('volunteers:profileForm.skillsLegend')}</legend>
        <p className="hint">{t('volunteers:profileForm.skillsHint')}</p>
        <ErrorLine id="skills-error" message={errorOf('skills')} />
        <div className="grid">
          {VOLUNTEER_SKILLS.map((skill) => (
            <SelectField
              key={skill}
              label={t(SKILL_KEYS[skill])}
              options={levels}
              required
              error={errorOf(`skills.${skill}`)}
              {...field(`skills.${skill}`)}
            />
          ))}
        </div>
      </fieldset>
      <ChoiceFieldset
        legend={t('volunteers:profileForm.languagesLegend')}
        name="languages"
        error={errorOf('languages')}
        options={languages}
        choice={(value) => choice('languages', value)}
        columns
      />
      <SelectField
        label={t('volunteers:profileForm.timeZone')}
        options={zones}
        required
        error={errorOf('timeZone')}
        {...field('timeZone')}
      />
      <SelectField
        label={t('volunteers:profileForm.workMode')}
        options={WORK_MODES.map((m) => ({ value: m, label: t(WORK_MODE_KEYS[m]) }))}
        required
        error={errorOf('workMode')}
        {...field('workMode')}
      />
      <PlacePicker
        name="placeFips"
        label={t('volunteers:profileForm.place')}
        hint={t('volunteers:profileForm.placeHint')}
        error={errorOf('placeFips')}
        defaultValue={place}
        defaultText={placeText}
      />
      <SelectField
        label={t('volunteers:profileForm.travelArea')}
        hint={t('volunteers:profileForm.travelAreaHint')}
        options={TRAVEL_AREAS.map((a) => ({ value: a, label: t(TRAVEL_AREA_KEYS[a]) }))}
        required
        error={errorOf('travelArea')}
        {...field('travelArea')}
      />
      <TextField
        label={t('volunteers:profileForm.hoursPerMonth')}
        inputMode="numeric"
        required
        error={errorOf('hoursPerMonth')}
        {...field('hoursPerMonth')}
      />
      <WeeklyWindowsFieldset
        name="availability"
        legend={t('volunteers:profileForm.availabilityLegend')}
        hint={t('volunteers:profileForm.availabilityHint')}
        rows={windows}
        field={typedField}
        errorOf={errorOf}
      />
      <CheckboxField
        name="paused"
        label={t('volunteers:profileForm.paused')}
        hint={t('volunteers:profileForm.pausedHint')}
        props={{ ...choice('paused', 'on') }}
      />
    </>
  )
}

/**
 * Weekly windows (a day, from, until), one row group each: a volunteer's availability and a
 * group's working hours. Names are `${name}.${row}.weekday|start|end`, as weeklyWindows reads them.
 */
export function WeeklyWindowsFieldset({
  name,
  legend,
  hint,
  rows,
  field: typedField,
  errorOf,
}: {
  name: string
  legend: string
  hint: string
  rows: number
  field: Field
  errorOf: (name: string) => Message | undefined
}) {
  const { t } = useTranslation('volunteers')
  const field = typedField as (name: string) => ReturnType<Field>
  return (
    <fieldset className={errorOf(name) ? 'field field-invalid' : 'field'}>
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <ErrorLine id={`${name}-error`} message={errorOf(name)} />
      <div className="rows">
        {Array.from({ length: rows }, (_, i) => (
          <fieldset key={i} className="row-group">
            <legend>{t('volunteers:profileForm.window', { number: i + 1 })}</legend>
            <SelectField
              label={t('volunteers:profileForm.weekday')}
              placeholder={t('volunteers:profileForm.chooseDay')}
              options={WEEKDAYS.map((d) => ({ value: String(d), label: t(WEEKDAY_KEYS[d]) }))}
              error={errorOf(`${name}.${i}.weekday`)}
              {...field(`${name}.${i}.weekday`)}
            />
            <TextField
              type="time"
              label={t('volunteers:profileForm.from')}
              error={errorOf(`${name}.${i}.start`)}
              {...field(`${name}.${i}.start`)}
            />
            <TextField
              type="time"
              label={t('volunteers:profileForm.to')}
              error={errorOf(`${name}.${i}.end`)}
              {...field(`${name}.${i}.end`)}
            />
          </fieldset>
        ))}
      </div>
    </fieldset>
  )
}

/** Weekly windows as read: a volunteer's availability on a profile, a group's hours on a request. */
export function WeeklyWindowsList({ windows }: { windows: readonly AvailabilityWindow[] }) {
  const { t } = useTranslation('volunteers')
  return (
    <ul className="plain-list">
      {windows.map((w) => (
        <li key={`${w.weekday}-${w.startMinute}`}>
          {t('volunteers:profile.window', {
            day: t(WEEKDAY_KEYS[w.weekday]),
            from: timeOf(w.startMinute),
            to: timeOf(w.endMinute),
          })}
        </li>
      ))}
    </ul>
  )
}

/** An error for a group of fields, under its legend. */
export function ErrorLine({ id, message }: { id: string; message?: Message }) {
  const { t } = useTranslation()
  const tm = useMessage()
  if (!message) return null
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">{t('common:field.errorPrefix')} </span>
      {tm(message)}
    </p>
  )
}
