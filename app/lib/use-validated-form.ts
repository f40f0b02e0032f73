import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import { useEffect, useState, type FormEvent } from 'react'
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
} from 'react-hook-form'
import type { z } from 'zod'
import { isSecretField, type FormFailure } from './forms.ts'
import { nestValues, valueAt } from './nested-values.ts'
import type { Message } from './i18n/message.ts'

/**
 * Whether a mouse button or finger is down right now. A field checked as it loses focus shows its
 * error at once, which moves what is below it; when that focus loss comes from pressing the submit
 * button, the button moves away before the press ends, the click never happens and the form is
 * never checked as a whole (a wrong email, then an empty password, showed only the email's error).
 */
let pressing = false
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pressing = true), true)
  for (const end of ['pointerup', 'pointercancel'] as const) {
    document.addEventListener(end, () => (pressing = false), true)
  }
}

/** Runs `check` now, or, during a press, once the press (and the click it makes) is over. */
function afterPress(check: () => void) {
  if (!pressing) return check()
  // The click is dispatched in the same task as the pointerup; a timeout runs after both. A
  // cancelled press (a touch that became a scroll) ends it too.
  let done = false
  const later = () => {
    if (done) return
    done = true
    setTimeout(check, 0)
  }
  for (const end of ['pointerup', 'pointercancel'] as const) {
    document.addEventListener(end, later, { once: true, capture: true })
  }
}

/**
 * The form pattern: the zod schema validates in the browser (react-hook-form) before posting, and
 * the action validates the same schema again. Inputs stay uncontrolled, named form fields with
 * server-rendered default values, so the form also posts without JavaScript; server errors and
 * kept values come back as `failure`.
 */
export function useValidatedForm<S extends z.ZodType<unknown, z.ZodTypeDef, FieldValues>>(
  schema: S,
  options: { defaultValues?: Partial<z.input<S>>; failure?: FormFailure | null | undefined },
) {
  type Path_ = Path<z.input<S>>
  // Repeated rows ("lines.0.amount") sit behind preprocess steps that hide their paths from the
  // type, so dotted names are accepted as plain strings too.
  type Name = Path_ | `${string}.${number}.${string}` | `${string}.${string}`
  const submit = useSubmit()
  const { failure } = options
  const serverErrors = failure?.errors
  // Kept values come back flat ("lines.0.amount"); react-hook-form wants them nested.
  const initial: Record<string, unknown> = {
    ...options.defaultValues,
    ...(failure ? nestValues(failure.values) : {}),
  }
  const form = useForm<z.input<S>>({
    // The resolver's output is the schema's parsed value; the form itself holds raw input.
    resolver: zodResolver(schema) as unknown as Resolver<z.input<S>>,
    mode: 'onTouched',
    defaultValues: initial as DefaultValues<z.input<S>>,
  })

  // Server errors show until the next attempt; they are kept apart from react-hook-form's own
  // errors so that a stale server message can never block the next submission.
  const [shownServerErrors, setShownServerErrors] = useState(serverErrors)
  const { getValues, setValue, setFocus } = form
  useEffect(() => {
    setShownServerErrors(failure?.errors)
    if (!failure) return
    // A refused submission never leaves a password sitting in the page.
    for (const name of Object.keys(getValues())) {
      if (isSecretField(name)) setValue(name as Path_, '' as never)
    }
    const firstInvalid = Object.keys(failure.errors).find((k) => k !== 'form')
    if (firstInvalid) setFocus(firstInvalid as Path_)
  }, [failure, getValues, setValue, setFocus])

  /** Validates first; only a valid form is posted (through Remix, keeping the submitter). */
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const native = event.nativeEvent as SubmitEvent
    const target = (native.submitter as HTMLButtonElement | null) ?? event.currentTarget
    setShownServerErrors(undefined)
    void form.handleSubmit(() => submit(target))(event)
  }

  /** react-hook-form's props, its check on leaving the field held back during a press. */
  function registered(name: Name) {
    const props = form.register(name as Path_)
    return {
      ...props,
      onBlur: ((event) => {
        afterPress(() => void props.onBlur(event))
        return Promise.resolve()
      }) satisfies typeof props.onBlur,
    }
  }

  /** Props for a text-like input, select or textarea; the default value is in the HTML too. */
  function field(name: Name) {
    const value = valueAt(initial, name)
    return {
      ...registered(name),
      defaultValue: value === undefined || value === null ? undefined : String(value),
    }
  }

  /** Props for one radio button or checkbox of a group. */
  function choice(name: Name, value: string) {
    const current = valueAt(initial, name)
    const checked = Array.isArray(current) ? current.includes(value) : current === value
    return { ...registered(name), value, defaultChecked: checked }
  }

  const errorOf = (name: string): Message | undefined => {
    const e = valueAt(form.formState.errors, name) as { message?: unknown } | undefined
    return typeof e?.message === 'string' ? e.message : shownServerErrors?.[name]
  }

  return { ...form, onSubmit, field, choice, errorOf, formError: shownServerErrors?.form }
}
