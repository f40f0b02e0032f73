import type { ActionFunctionArgs } from '@remix-run/node'
import { MoveSchema } from '#app/schemas/programs/rubric.ts'
import type { Result } from '#app/domain/result.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { parseForm } from './forms.server.ts'
import { programActor, requireManagedProgram } from './funder-access.server.ts'
import { redirectWithFlash, requestOrigin } from './http.server.ts'
import { requestLanguage } from './i18n.server.ts'
import { readForm } from './request-body.server.ts'
import { refuse } from './results.server.ts'

/**
 * What the action of a program's rubric or questions page starts from: a fund manager acting on
 * the program in the URL, the posted form, and one way to answer a service's result, so both
 * pages refuse and confirm alike.
 */
export async function programPartAction(
  { request, params, context }: ActionFunctionArgs,
  page: 'questions' | 'rubric',
) {
  const access = await requireManagedProgram(request, params)
  const { program } = access
  const actor = programActor(access, requestOrigin(request, context).ip)
  const here = `/orgs/${access.organization.slug}/programs/${program.slug}/${page}`
  const formData = await readForm(request)

  /**
   * Back to the page with a success flash, or the service's refusal with what was typed. `draft`
   * names the browser backup of the form just saved, which the browser then lets go of.
   */
  const finish = async (result: Result, message: Message, to = here, draft?: string) =>
    result.ok
      ? redirectWithFlash(to, { kind: 'success', message, draft })
      : refuse(result, formData)

  /** A move button: the direction is the value of the button pressed. */
  const move = async (moveRow: (direction: 'up' | 'down') => Promise<Result>, message: Message) => {
    const form = await parseForm(formData, MoveSchema)
    if (!form.ok) return form.response
    return finish(await moveRow(form.data.direction), message)
  }

  /** The funder's language, for the words a change writes (the rubric template). */
  const language = await requestLanguage(request)

  return { actor, program, here, formData, intent: formData.get('intent'), finish, move, language }
}
