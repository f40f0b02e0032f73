import type { Message } from '#app/lib/i18n/message.ts'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { protectedCharacteristicTerms } from '#app/domain/programs/eligibility-warning.ts'
import { SDOH_DOMAINS } from '#app/domain/places/sdoh.ts'
import { SDOH_KEYS } from '#app/domain/programs/funder-words.ts'
import {
  COMMUNITY_WEIGHT_MAX_PERCENT,
  REVIEWERS_MAX,
  REVIEWERS_MIN,
} from '#app/schemas/programs/program.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { TIME_ZONES } from '#app/lib/time-zones.ts'
import { ChoiceFieldset } from './choice-fieldset.tsx'
import { SelectField, TextareaField, TextField } from './field.tsx'
import { PlacePicker, type PickedPlace } from './place-picker.tsx'
import { ContentLanguageFields } from './content-language-fields.tsx'

type Field = (name: never) => UseFormRegisterReturn & { defaultValue?: string }
type Choice = (
  name: never,
  value: string,
) => UseFormRegisterReturn & { value: string; defaultChecked: boolean }

/** Each offered zone's name, as a translation key. */
export const TIME_ZONE_KEYS: Record<(typeof TIME_ZONES)[number]['value'], string> = {
  'America/New_York': 'funder:timeZones.newYork',
  'America/Chicago': 'funder:timeZones.chicago',
  'America/Denver': 'funder:timeZones.denver',
  'America/Phoenix': 'funder:timeZones.phoenix',
  'America/Los_Angeles': 'funder:timeZones.losAngeles',
  'America/Anchorage': 'funder:timeZones.anchorage',
  'Pacific/Honolulu': 'funder:timeZones.honolulu',
  'America/Puerto_Rico': 'funder:timeZones.puertoRico',
  UTC: 'funder:timeZones.utc',
}

/**
 * A zone in the reader's words: its name where it is one of the offered zones, any other IANA
 * zone as it is ("Eastern time (New York)", "Europe/Lisbon").
 */
export function zoneName(t: (key: string) => string, zone: string): string {
  return zone in TIME_ZONE_KEYS ? t(TIME_ZONE_KEYS[zone as keyof typeof TIME_ZONE_KEYS]) : zone
}

/** A single checkbox with its label beside it. */
function Checkbox({
  name,
  label,
  hint,
  props,
}: {
  name: string
  label: string
  hint: string
  props: UseFormRegisterReturn & { value: string; defaultChecked: boolean }
}) {
  return (
    <div className="choice field">
      <input
        type="checkbox"
        id={`field-${name}`}
        aria-describedby={`field-${name}-hint`}
        {...props}
      />
      <label htmlFor={`field-${name}`}>
        {label}{' '}
        <span className="hint" id={`field-${name}-hint`}>
          {hint}
        </span>
      </label>
    </div>
  )
}

/** The no-JavaScript county list as typed, when the server sent the form back refused. */
export function typedCounties(failure: FormFailure | null | undefined) {
  const text = failure?.values.eligibleCountyFipsText
  return typeof text === 'string' ? text : undefined
}

/**
 * The program form's fields, shared by "new program" and "details". Amounts are typed in the
 * fund's currency; dates are wall-clock times in the chosen zone.
 */
export function ProgramDetailsFields({
  field: fieldOf,
  choice: choiceOf,
  errorOf,
  states,
  counties,
  countiesText,
  currency,
}: {
  field: Field
  choice: Choice
  errorOf: (name: string) => Message | undefined
  states: string[]
  /** The eligible counties saved so far, by name. */
  counties: PickedPlace[]
  /** What the no-JavaScript county list held when the server sent the form back. */
  countiesText?: string
  currency: string
}) {
  // The form's own field names are checked by the schema; here they are plain strings.
  const field = fieldOf as unknown as (name: string) => ReturnType<Field>
  const choice = choiceOf as unknown as (name: string, value: string) => ReturnType<Choice>
  const { t } = useTranslation('funder')
  const eligibility = field('eligibility')
  // Warned as the funder types (and, without JavaScript, on the saved text the form comes back with).
  const [eligibilityText, setEligibilityText] = useState(eligibility.defaultValue ?? '')
  const gatingTerms = protectedCharacteristicTerms(eligibilityText)
  return (
    <>
      <fieldset className="field">
        <legend>{t('funder:programFields.about')}</legend>
        <TextField
          label={t('funder:programFields.title')}
          required
          error={errorOf('title')}
          {...field('title')}
        />
        <TextareaField
          label={t('funder:programFields.description')}
          hint={t('funder:programFields.descriptionHint')}
          error={errorOf('description')}
          {...field('description')}
        />
        <ChoiceFieldset
          legend={t('funder:programFields.sdoh')}
          name="sdohDomains"
          hint={t('funder:programFields.sdohHint')}
          error={errorOf('sdohDomains')}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: t(SDOH_KEYS[d]) }))}
          choice={(v) => choice('sdohDomains', v)}
        />
      </fieldset>

      <fieldset className="field">
        <legend>{t('funder:programFields.whoCanApply')}</legend>
        <TextareaField
          label={t('funder:programFields.eligibility')}
          hint={t('funder:programFields.eligibilityHint')}
          error={errorOf('eligibility')}
          {...eligibility}
          onChange={(event) => {
            setEligibilityText(event.target.value)
            return eligibility.onChange(event)
          }}
        />
        <div role="status" className="field-warning-slot">
          {gatingTerms.length ? (
            <div className="field-warning">
              <p>
                <strong>{t('funder:programFields.eligibilityWarningTitle')}</strong>{' '}
                {t('funder:programFields.eligibilityWarningTerms', {
                  terms: gatingTerms.join(', '),
                })}
              </p>
              <p>{t('funder:programFields.eligibilityWarningRisk')}</p>
              <p>{t('funder:programFields.eligibilityWarningInstead')}</p>
            </div>
          ) : null}
        </div>
        <TextField
          label={t('funder:programFields.placeServed')}
          hint={t('funder:programFields.placeServedHint')}
          error={errorOf('placeServed')}
          {...field('placeServed')}
        />
        <ChoiceFieldset
          legend={t('funder:programFields.states')}
          name="eligibleStates"
          hint={t('funder:programFields.statesHint')}
          error={errorOf('eligibleStates')}
          options={states.map((s) => ({ value: s, label: s }))}
          choice={(v) => choice('eligibleStates', v)}
          columns
        />
        <PlacePicker
          name="eligibleCountyFips"
          label={t('funder:programFields.counties')}
          hint={t('funder:programFields.countiesHint')}
          error={errorOf('eligibleCountyFips') ?? errorOf('eligibleCountyFipsText')}
          defaultValue={counties}
          defaultText={countiesText}
        />
      </fieldset>

      <ContentLanguageFields
        field={fieldOf}
        errorOf={errorOf}
        fields={[
          { name: 'titleTranslation', labelKey: 'funder:content.fields.title' },
          {
            name: 'descriptionTranslation',
            labelKey: 'funder:content.fields.description',
            rows: 4,
          },
          {
            name: 'eligibilityTranslation',
            labelKey: 'funder:content.fields.eligibility',
            rows: 4,
          },
        ]}
      />

      <fieldset className="field">
        <legend>{t('funder:programFields.dates')}</legend>
        <SelectField
          label={t('funder:programFields.timeZone')}
          required
          options={TIME_ZONES.map((z) => ({ value: z.value, label: t(TIME_ZONE_KEYS[z.value]) }))}
          error={errorOf('timeZone')}
          {...field('timeZone')}
        />
        <TextField
          label={t('funder:programFields.opens')}
          type="datetime-local"
          hint={t('funder:programFields.opensHint')}
          error={errorOf('opensAt')}
          {...field('opensAt')}
        />
        <TextField
          label={t('funder:programFields.closes')}
          type="datetime-local"
          hint={t('funder:programFields.closesHint')}
          error={errorOf('closesAt')}
          {...field('closesAt')}
        />
      </fieldset>

      <fieldset className="field">
        <legend>{t('funder:programFields.money', { currency })}</legend>
        <TextField
          label={t('funder:programFields.budget', { currency })}
          required
          inputMode="decimal"
          error={errorOf('budget')}
          {...field('budget')}
        />
        <TextField
          label={t('funder:programFields.minAward', { currency })}
          required
          inputMode="decimal"
          error={errorOf('minAward')}
          {...field('minAward')}
        />
        <TextField
          label={t('funder:programFields.maxAward', { currency })}
          required
          inputMode="decimal"
          hint={t('funder:programFields.maxAwardHint')}
          error={errorOf('maxAward')}
          {...field('maxAward')}
        />
        <Checkbox
          name="allowSkillRequests"
          label={t('funder:programFields.skills')}
          hint={t('funder:programFields.skillsHint')}
          props={choice('allowSkillRequests', 'on')}
        />
      </fieldset>

      <fieldset className="field">
        <legend>{t('funder:programFields.review')}</legend>
        <TextField
          label={t('funder:programFields.reviewers')}
          required
          type="number"
          min={REVIEWERS_MIN}
          max={REVIEWERS_MAX}
          step={1}
          hint={t('funder:programFields.reviewersHint', { min: REVIEWERS_MIN, max: REVIEWERS_MAX })}
          error={errorOf('reviewersPerApplication')}
          {...field('reviewersPerApplication')}
        />
        <Checkbox
          name="blindReview"
          label={t('funder:programFields.blind')}
          hint={t('funder:programFields.blindHint')}
          props={choice('blindReview', 'on')}
        />
        <TextField
          label={t('funder:programFields.communityWeight')}
          required
          inputMode="decimal"
          hint={t('funder:programFields.communityWeightHint', {
            max: COMMUNITY_WEIGHT_MAX_PERCENT,
          })}
          error={errorOf('communityReviewerWeight')}
          {...field('communityReviewerWeight')}
        />
        <Checkbox
          name="showScoresAfterSubmit"
          label={t('funder:programFields.showScores')}
          hint={t('funder:programFields.showScoresHint')}
          props={choice('showScoresAfterSubmit', 'on')}
        />
        <TextField
          label={t('funder:programFields.reviewsDue')}
          type="datetime-local"
          hint={t('funder:programFields.reviewsDueHint')}
          error={errorOf('reviewsDueAt')}
          {...field('reviewsDueAt')}
        />
      </fieldset>
    </>
  )
}
