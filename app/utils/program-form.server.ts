import { ProgramDetailsSchema, ProgramPlacesSchema } from '#app/schemas/programs/program.ts'
import { checkProgramPlaces } from '#app/services/programs/programs.server.ts'
import { fieldErrors, formFailure, formValues } from './forms.server.ts'
import { readForm } from './request-body.server.ts'
import { nestValues } from '#app/lib/nested-values.ts'

/**
 * Reads the program form (new program and details). When it is refused, the refusal carries
 * every problem at once: each field's own, the cross-field ones, and the lookup of the places
 * named (which needs the database, so the browser cannot do it), never one round after another.
 */
export async function parseProgramForm(request: Request) {
  // readForm, like every other form: the 1 MB limit while streaming, NUL bytes dropped.
  const formData = await readForm(request)
  const raw = formValues(formData)
  const nested = nestValues(raw)
  const parsed = ProgramDetailsSchema.safeParse(nested)
  if (parsed.success) return { ok: true as const, data: parsed.data, formData }
  const places = ProgramPlacesSchema.safeParse(nested)
  const placeErrors = places.success ? (await checkProgramPlaces(places.data)).errors : {}
  return {
    ok: false as const,
    response: formFailure({ ...placeErrors, ...fieldErrors(parsed.error) }, raw),
  }
}
