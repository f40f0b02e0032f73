import { forwardRef, type InputHTMLAttributes, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message } from '#app/lib/i18n/message.ts'
import { PASSWORD_MIN } from '#app/schemas/fields.ts'
import { TextField, type InputProps } from './field.tsx'

/*
 * The account fields several forms ask for in the same words (log-in, sign-up, forgot and reset
 * password, the account page, the change of email): one place for their label, type and the
 * autocomplete hint password managers rely on.
 */

/** What the form gives a field: react-hook-form's registration, its value and its error. */
type BoundProps = Omit<InputProps, 'label' | 'type' | 'autoComplete' | 'required'>

/** A required text field whose label and kind of input are fixed. */
function presetField(
  displayName: string,
  labelKey: string,
  input: { type: 'email' | 'password'; autoComplete: string },
) {
  const Preset = forwardRef<HTMLInputElement, BoundProps>((props, ref) => {
    const { t } = useTranslation()
    return <TextField ref={ref} label={t(labelKey)} required {...input} {...props} />
  })
  Preset.displayName = displayName
  return Preset
}

/** "Email": the account's address (log-in, sign-up, forgot password). */
export const EmailField = presetField('EmailField', 'auth:fields.email', {
  type: 'email',
  autoComplete: 'email',
})

/** "Current password": what a change to the account asks for first. */
export const CurrentPasswordField = presetField(
  'CurrentPasswordField',
  'account:password.current',
  { type: 'password', autoComplete: 'current-password' },
)

const NewPasswordField = presetField('NewPasswordField', 'account:password.new', {
  type: 'password',
  autoComplete: 'new-password',
})

const RepeatPasswordField = presetField('RepeatPasswordField', 'account:password.repeat', {
  type: 'password',
  autoComplete: 'new-password',
})

/** The part of useValidatedForm's result the new-password fields use. */
export interface NewPasswordForm {
  // Method syntax: a form whose field names are its schema's paths fits.
  field(name: 'newPassword' | 'confirmPassword'): Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'name'
  > & {
    name: string
    ref: Ref<HTMLInputElement>
  }
  errorOf(name: string): Message | undefined
}

/** A new password (with the strength hint) and the same again: newPassword and confirmPassword. */
export function NewPasswordFields({ form }: { form: NewPasswordForm }) {
  const { t } = useTranslation('account')
  return (
    <>
      <NewPasswordField
        hint={t('account:password.newHint', { count: PASSWORD_MIN })}
        error={form.errorOf('newPassword')}
        {...form.field('newPassword')}
      />
      <RepeatPasswordField
        error={form.errorOf('confirmPassword')}
        {...form.field('confirmPassword')}
      />
    </>
  )
}
