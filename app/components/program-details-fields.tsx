import type { Message } from '#app/lib/i18n/message.ts'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { SDOH_DOMAINS, SDOH_LABELS } from '#app/domain/places/sdoh.ts'
import { REVIEWERS_MAX, REVIEWERS_MIN } from '#app/schemas/programs/program.ts'
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
  return (
    <>
      <fieldset className="field">
        <legend>About the program</legend>
        <TextField label="Title" required error={errorOf('title')} {...field('title')} />
        <TextareaField
          label="Description"
          hint="What the program funds and why. Applicants read this first."
          error={errorOf('description')}
          {...field('description')}
        />
        <ChoiceFieldset
          legend="Social determinants of health it focuses on"
          name="sdohDomains"
          hint="Applicants can search programs by these."
          error={errorOf('sdohDomains')}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: SDOH_LABELS[d] }))}
          choice={(v) => choice('sdohDomains', v)}
        />
      </fieldset>

      <fieldset className="field">
        <legend>Who can apply</legend>
        <TextareaField
          label="Eligibility"
          hint="Who may apply, in plain words."
          error={errorOf('eligibility')}
          {...field('eligibility')}
        />
        <TextField
          label="Place served"
          hint="In words, for example “Franklin County, Ohio”."
          error={errorOf('placeServed')}
          {...field('placeServed')}
        />
        <ChoiceFieldset
          legend="Eligible states"
          name="eligibleStates"
          hint="Leave all unticked to accept applications serving any state."
          error={errorOf('eligibleStates')}
          options={states.map((s) => ({ value: s, label: s }))}
          choice={(v) => choice('eligibleStates', v)}
          columns
        />
        <PlacePicker
          name="eligibleCountyFips"
          label="Eligible counties"
          hint="Groups serving any of these counties may apply, as well as groups in the states ticked above. Leave empty for no county limit."
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
        <legend>Dates</legend>
        <SelectField
          label="Time zone of these dates"
          required
          options={TIME_ZONES}
          error={errorOf('timeZone')}
          {...field('timeZone')}
        />
        <TextField
          label="Opens"
          type="datetime-local"
          hint="A date and a time of day, in the time zone above. Leave empty to open as soon as you open the program."
          error={errorOf('opensAt')}
          {...field('opensAt')}
        />
        <TextField
          label="Closes"
          type="datetime-local"
          hint="Needed before the program can open. Applications are refused from this moment, by the server’s clock."
          error={errorOf('closesAt')}
          {...field('closesAt')}
        />
      </fieldset>

      <fieldset className="field">
        <legend>Money ({currency})</legend>
        <TextField
          label={`Total budget (${currency})`}
          required
          inputMode="decimal"
          error={errorOf('budget')}
          {...field('budget')}
        />
        <TextField
          label={`Minimum award (${currency})`}
          required
          inputMode="decimal"
          error={errorOf('minAward')}
          {...field('minAward')}
        />
        <TextField
          label={`Maximum award (${currency})`}
          required
          inputMode="decimal"
          hint="No more than the total budget."
          error={errorOf('maxAward')}
          {...field('maxAward')}
        />
        <Checkbox
          name="allowSkillRequests"
          label="Applicants may also ask for skilled volunteers"
          hint="Adds a step where groups say which professional skills they need."
          props={choice('allowSkillRequests', 'on')}
        />
      </fieldset>

      <fieldset className="field">
        <legend>Review</legend>
        <TextField
          label="Reviewers per application"
          required
          type="number"
          min={REVIEWERS_MIN}
          max={REVIEWERS_MAX}
          step={1}
          hint={`From ${REVIEWERS_MIN} to ${REVIEWERS_MAX}.`}
          error={errorOf('reviewersPerApplication')}
          {...field('reviewersPerApplication')}
        />
        <Checkbox
          name="blindReview"
          label="Blind review"
          hint="Reviewers do not see the applicant organisation’s name."
          props={choice('blindReview', 'on')}
        />
      </fieldset>
    </>
  )
}
