import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import type { FormEvent } from 'react'
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Resolver,
} from 'react-hook-form'
import type { z } from 'zod'
import type { FormFailure } from './forms.ts'

/**
 * The form pattern: the zod schema validates in the browser (react-hook-form) before posting, and
 * the action validates the same schema again. Inputs stay uncontrolled, named form fields, so the
 * form also posts without JavaScript; server errors and kept values come back as `failure`.
 */
export function useValidatedForm<S extends z.ZodType<unknown, z.ZodTypeDef, FieldValues>>(
  schema: S,
  options: { defaultValues?: Partial<z.input<S>>; failure?: FormFailure | null | undefined },
) {
  const submit = useSubmit()
  const serverErrors = options.failure?.errors
  const form = useForm<z.input<S>>({
    // The resolver's output is the schema's parsed value; the form itself holds raw input.
    resolver: zodResolver(schema) as unknown as Resolver<z.input<S>>,
    mode: 'onTouched',
    defaultValues: {
      ...options.defaultValues,
      ...options.failure?.values,
    } as DefaultValues<z.input<S>>,
    errors: serverErrors
      ? (Object.fromEntries(
          Object.entries(serverErrors).map(([k, message]) => [k, { type: 'server', message }]),
        ) as FieldErrors<z.input<S>>)
      : undefined,
  })

  /** Validates first; only a valid form is posted (through Remix, keeping the submitter). */
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const native = event.nativeEvent as SubmitEvent
    const target = (native.submitter as HTMLButtonElement | null) ?? event.currentTarget
    void form.handleSubmit(() => submit(target))(event)
  }

  const errorOf = (name: string): string | undefined => {
    const e = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]
    return typeof e?.message === 'string' ? e.message : serverErrors?.[name]
  }

  return { ...form, onSubmit, errorOf, formError: serverErrors?.form }
}
