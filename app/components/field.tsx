import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react'
import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import { type Message, useMessage } from '#app/lib/i18n/message.ts'

export interface FieldFrame {
  label: ReactNode
  name: string
  hint?: ReactNode
  /** Shown translated, in the reader's language. */
  error?: Message
  required?: boolean
  /** The control's id, where one page has several forms with the same field names. */
  id?: string
}

/** Ids and ARIA wiring shared by every control: label, hint and error are all announced. */
export function describeField({ name, hint, error, required, id: given }: FieldFrame) {
  const id = given ?? `field-${name}`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return {
    id,
    hintId,
    errorId,
    aria: {
      'aria-invalid': error ? (true as const) : undefined,
      // Forms use noValidate (our own messages replace the browser's), so say "required" in ARIA.
      'aria-required': required ? (true as const) : undefined,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    },
  }
}

export function FieldShell({
  frame,
  ids,
  children,
}: {
  frame: FieldFrame
  ids: ReturnType<typeof describeField>
  children: ReactNode
}) {
  const { t } = useTranslation()
  const tm = useMessage()
  return (
    <div className={frame.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={ids.id}>
        {frame.label}
        {frame.required ? null : <span className="optional"> {t('common:field.optional')}</span>}
      </label>
      {frame.hint ? (
        <p className="hint" id={ids.hintId}>
          {frame.hint}
        </p>
      ) : null}
      {frame.error ? (
        <p className="field-error" id={ids.errorId}>
          <span className="visually-hidden">{t('common:field.errorPrefix')} </span>
          {tm(frame.error)}
        </p>
      ) : null}
      {children}
    </div>
  )
}

export type InputProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField(
  { label, name, hint, error, required, id, ...input },
  ref,
) {
  const frame = { label, name, hint, error, required, id }
  const ids = describeField(frame)
  return (
    <FieldShell frame={frame} ids={ids}>
      <input ref={ref} id={ids.id} name={name} {...ids.aria} {...input} />
    </FieldShell>
  )
})

type TextareaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaProps>(function TextareaField(
  { label, name, hint, error, required, id, rows = 4, ...textarea },
  ref,
) {
  const frame = { label, name, hint, error, required, id }
  const ids = describeField(frame)
  return (
    <FieldShell frame={frame} ids={ids}>
      <textarea ref={ref} id={ids.id} name={name} rows={rows} {...ids.aria} {...textarea} />
    </FieldShell>
  )
})

type SelectProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> & {
    options: readonly { value: string; label: string }[]
    placeholder?: string
  }

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField(
  { label, name, hint, error, required, options, placeholder, ...select },
  ref,
) {
  const frame = { label, name, hint, error, required }
  const ids = describeField(frame)
  return (
    <FieldShell frame={frame} ids={ids}>
      <select ref={ref} id={ids.id} name={name} {...ids.aria} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
})

/** A whole-form problem (not tied to one field), announced when it appears. */
export function FormError({ message }: { message?: Message }) {
  const tm = useMessage()
  if (!message) return null
  return (
    <div className="form-error" role="alert">
      {tm(message)}
    </div>
  )
}

/**
 * A single checkbox with its label beside it and a hint inside the label. `live` announces the
 * hint when it changes (a figure that follows what the person chooses).
 */
export function CheckboxField({
  name,
  label,
  hint,
  live,
  props,
}: {
  name: string
  label: ReactNode
  hint: ReactNode
  live?: boolean
  props: InputHTMLAttributes<HTMLInputElement> & { name: string }
}) {
  const id = `field-${name}`
  return (
    <div className="choice field">
      <input type="checkbox" id={id} aria-describedby={`${id}-hint`} {...props} />
      <label htmlFor={id}>
        {label}{' '}
        <span className="hint" id={`${id}-hint`} aria-live={live ? 'polite' : undefined}>
          {hint}
        </span>
      </label>
    </div>
  )
}
