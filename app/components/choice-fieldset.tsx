import { useTranslation } from 'react-i18next'
import { type Message, useMessage } from '#app/lib/i18n/message.ts'
import type { ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'

/** Ids from values like "New York" or "District of Columbia": no spaces allowed in an id. */
const idPart = (value: string) => value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')

/** Radios or checkboxes sharing one name, grouped under a legend, with hint and error announced. */
export function ChoiceFieldset({
  legend,
  name,
  hint,
  error,
  options,
  choice,
  type = 'checkbox',
  columns = false,
}: {
  legend: ReactNode
  name: string
  hint?: ReactNode
  error?: Message
  options: readonly { value: string; label: ReactNode }[]
  choice: (value: string) => UseFormRegisterReturn & { value: string; defaultChecked: boolean }
  type?: 'checkbox' | 'radio'
  /** Long lists (the states) read better in columns. */
  columns?: boolean
}) {
  const { t } = useTranslation()
  const tm = useMessage()
  const hintId = hint ? `${name}-hint` : undefined
  const errorId = error ? `${name}-error` : undefined
  return (
    <fieldset
      className={error ? 'field field-invalid' : 'field'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t('common:field.errorPrefix')} </span>
          {tm(error)}
        </p>
      ) : null}
      <div
        style={
          columns
            ? {
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
                columnGap: '1rem',
              }
            : undefined
        }
      >
        {options.map((o) => {
          const id = `${name}-${idPart(o.value)}`
          return (
            <div key={o.value} className="choice">
              <input type={type} id={id} {...choice(o.value)} />
              <label htmlFor={id}>{o.label}</label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
