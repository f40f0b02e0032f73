import { requestLanguage } from './i18n.server.ts'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import type { ApplicationStep } from '#app/domain/applications/application-steps.ts'
import { nextStep, stepsFor } from '#app/domain/applications/application-steps.ts'
import { saveStep, type StepWrite } from '#app/services/applications/application-drafts.server.ts'
import {
  loadApplicationFor,
  type LoadedApplication,
} from '#app/services/applications/applications.server.ts'
import type { SessionUser } from '#app/services/accounts/sessions.server.ts'
import { formFailure, formValues, parseForm } from './forms.server.ts'
import type { FieldErrors, FormFailure } from '#app/lib/forms.ts'
import { forbidden, redirectWithFlash, requestOrigin, throwNotFound } from './http.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { requireUser } from './permissions.server.ts'
import { readForm } from './request-body.server.ts'
import { memo } from './request-memo-cache.server.ts'
import { refuse } from './results.server.ts'

/**
 * The application named in the URL, if this user may see it; 404 otherwise. Read once per page
 * view, however many of its loaders ask (the application's layout and its step).
 */
export async function requireApplication(request: Request, id: string | undefined) {
  const user = await requireUser(request)
  const loaded = id
    ? await memo(`application:${id}:${user.id}`, () => loadApplicationFor(id, user.id))
    : null
  if (!loaded) throwNotFound('applications:steps.notFound')
  return { user, loaded }
}

/** Whether the person reading a received application is one of the funder's program officers. */
export const isOfficerAccess = (loaded: LoadedApplication) =>
  loaded.access.side === 'funder' && MANAGER_ROLES.includes(loaded.access.role)

/**
 * For what only the funder's program officers (owners, admins) do on an application: ask for
 * changes, read and write internal notes. The group and the funder's other members get 403;
 * anyone who may not see the application at all, 404.
 */
export async function requireOfficerApplication(request: Request, id: string | undefined) {
  const found = await requireApplication(request, id)
  if (!isOfficerAccess(found.loaded)) throw forbidden('applications:officer.onlyOfficers')
  return found
}

/**
 * For the draft's step pages: only the applying group may open them, only while it is a draft,
 * and only for steps this program has.
 */
export async function requireEditableStep(
  request: Request,
  id: string | undefined,
  step: ApplicationStep,
): Promise<{ user: SessionUser; loaded: LoadedApplication }> {
  const { user, loaded } = await requireApplication(request, id)
  if (loaded.access.side !== 'applicant' || !loaded.access.canEdit) {
    throw redirect(`/applications/${loaded.application.id}`)
  }
  if (!stepsFor(loaded.program).includes(step)) throwNotFound('applications:steps.noSuchStep')
  return { user, loaded }
}

type StepLoaderArgs = LoaderFunctionArgs | ActionFunctionArgs

/**
 * The whole save cycle of a step: validate with the step's schema, write if nobody saved in
 * between, then go on to the next step (or stay, for "Save and stay"). A conflict comes back as
 * 409 with the user's input kept and the newer version noted, so saving again is a deliberate
 * choice to replace the colleague's version.
 */
export async function handleStepSave<S extends z.ZodTypeAny>(
  args: StepLoaderArgs,
  step: ApplicationStep,
  schema: S,
  toWrite: (
    data: z.output<S>,
    loaded: LoadedApplication,
  ) => Promise<(StepWrite & { problems?: Record<string, string> }) | { errors: FieldErrors }>,
) {
  const { request, params, context } = args
  const { user, loaded } = await requireEditableStep(request, params.id, step)
  const formData = await readForm(request)
  const form = await parseForm(formData, schema)
  if (!form.ok) return form.response
  const write = await toWrite(form.data, loaded)
  if ('errors' in write) return formFailure(write.errors, formData)
  const base = Number(formData.get('version'))
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const result = await saveStep(
    actor,
    loaded.application,
    write,
    base,
    await requestLanguage(request),
  )
  const id = loaded.application.id
  if (result.ok && write.problems && Object.keys(write.problems).length > 0) {
    // Saved, since nothing typed should be lost, but not right yet: stay on the step with the
    // reasons by the fields. 200, so the page reloads its data and edits the saved version.
    return data<FormFailure>({
      errors: {
        form: 'applications:steps.savedNeedsAttention',
        ...write.problems,
      },
      values: { ...formValues(formData), version: String(result.version) },
      savedVersion: String(result.version),
    })
  }
  if (result.ok) {
    const intent = formData.get('intent')
    const stay = typeof intent === 'string' && intent !== 'next'
    const to = stay
      ? `/applications/${id}/${step}${intent === 'add-row' ? '?extra=1' : ''}`
      : `/applications/${id}/${nextStep(loaded.program, step)}`
    return redirectWithFlash(to, { kind: 'success', message: 'common:flash.stepSaved' })
  }
  if (result.reason === 'not_editable') throw redirect(`/applications/${id}`)
  // The typed values come back with the newer version, so saving again replaces it on purpose.
  formData.set('version', String(result.current.version))
  return refuse(result, formData)
}
