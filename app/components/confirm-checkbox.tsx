import type { ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { CONFIRMED } from '#app/schemas/confirmation.ts'
import { describeField } from './field.tsx'

type Props = {
  name: string
  /** What the person confirms, consequence included ("I understand that … cannot be undone"). */
  label: ReactNode
  error?: string
  /** From useValidatedForm's `choice`; plain HTML (no react-hook-form) when left out. */
  register?: UseFormRegisterReturn & { defaultChecked?: boolean }
}

/** A required confirmation box beside its label, with its error announced. */
export function ConfirmCheckbox({ name, label, error, register }: Props) {
  const ids = describeField({ name, label, error, required: true })
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {error ? (
        <p className="field-error" id={ids.errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
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
