import { useTranslation } from 'react-i18next'
import { type Message, useMessage } from '#app/lib/i18n/message.ts'
import type { ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { CONFIRMED } from '#app/schemas/confirmation.ts'
import { describeField } from './field.tsx'

type Props = {
  name: string
  /** What the person confirms, consequence included ("I understand that … cannot be undone"). */
  label: ReactNode
  error?: Message
  /** From useValidatedForm's `choice`; plain HTML (no react-hook-form) when left out. */
  register?: UseFormRegisterReturn & { defaultChecked?: boolean }
  /** The box's id, where one page has several such boxes. */
  id?: string
}

/** A required confirmation box beside its label, with its error announced. */
export function ConfirmCheckbox({ name, label, error, register, id }: Props) {
  const { t } = useTranslation()
  const tm = useMessage()
  const ids = describeField({ name, label, error, required: true, id })
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {error ? (
        <p className="field-error" id={ids.errorId}>
          <span className="visually-hidden">{t('common:field.errorPrefix')} </span>
          {tm(error)}
        </p>
      ) : null}
      <div className="choice">
        <input
          type="checkbox"
          id={ids.id}
          name={name}
          value={CONFIRMED}
          {...ids.aria}
          {...register}
        />
        <label htmlFor={ids.id}>{label}</label>
      </div>
    </div>
  )
}
