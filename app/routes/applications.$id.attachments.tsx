import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from '@remix-run/node'
import { MAX_FILE_BYTES } from '#app/domain/file-types.ts'
import { addAttachment, removeAttachment } from '#app/services/attachments.server.ts'
import { requireApplication } from '#app/utils/application-route.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'

/** Reads the upload in memory, refusing any part over the size limit before it is all read. */
async function readForm(request: Request) {
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    return request.formData()
  }
  const handler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES })
  return unstable_parseMultipartFormData(request, handler)
}

/**
 * Upload or remove a file; the result shows next to the file field on the questions step. The
 * page's script uploads with a progress bar and asks for JSON: it gets where to go instead of
 * a redirect (which its request would follow, eating the flash message on the way).
 */
export async function action(args: ActionFunctionArgs) {
  const response = await handle(args)
  if (args.request.headers.get('Accept') !== 'application/json') return response
  const headers = new Headers({ 'Content-Type': 'application/json' })
  const cookie = response.headers.get('Set-Cookie')
  if (cookie) headers.set('Set-Cookie', cookie)
  return new Response(JSON.stringify({ location: response.headers.get('Location') }), { headers })
}

async function handle({ request, params, context }: ActionFunctionArgs) {
  const { user, loaded } = await requireApplication(request, params.id)
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const back = `/applications/${loaded.application.id}/questions`
  let formData: FormData
  try {
    formData = await readForm(request)
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error
    return redirect(`${back}?uploadError=${encodeURIComponent('That file is larger than 10 MB.')}`)
  }
  if (formData.get('intent') === 'remove') {
    const removed = await removeAttachment(actor, loaded, String(formData.get('attachmentId')))
    return redirectWithFlash(
      back,
      removed
        ? { kind: 'success', message: 'File removed.' }
        : { kind: 'error', message: 'That file could not be removed.' },
    )
  }
  const questionId = String(formData.get('questionId') ?? '') || null
  const file = formData.get('file')
  const retry = (message: string) =>
    redirect(
      `${back}?question=${encodeURIComponent(questionId ?? '')}&uploadError=${encodeURIComponent(message)}`,
    )
  if (!(file instanceof File) || file.size === 0) return retry('Choose a file to upload.')
  const result = await addAttachment(actor, loaded, {
    questionId,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  })
  if (!result.ok) return retry(result.message)
  return redirectWithFlash(back, { kind: 'success', message: `Uploaded ${file.name}.` })
}
