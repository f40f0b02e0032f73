import type { ActionFunctionArgs } from '@remix-run/node'
import {
  addAttachment,
  recordOversizedUpload,
  removeAttachment,
} from '#app/services/applications/attachments.server.ts'
import { requireApplication } from '#app/utils/application-route.server.ts'
import { shortFileName } from '#app/domain/file-types.ts'
import { uploadField } from '#app/lib/flash.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { answerUpload, redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { readUpload } from '#app/utils/request-body.server.ts'

/**
 * Upload or remove a file; the result shows next to the file field on the questions step (in the
 * flash, never in the URL, so an old error cannot outlive a later success). The page's script
 * uploads with a progress bar and asks for JSON: it gets where to go instead of a redirect
 * (which its request would follow, eating the flash message on the way).
 */
export async function action(args: ActionFunctionArgs) {
  return answerUpload(args.request, await handle(args))
}

async function handle({ request, params, context }: ActionFunctionArgs) {
  const { user, loaded } = await requireApplication(request, params.id)
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const back = `/applications/${loaded.application.id}/questions`
  const { fields, file, discard } = await readUpload(request, {
    onTooLarge: ({ fileName }) => {
      const declared = Number(request.headers.get('Content-Length'))
      return recordOversizedUpload(actor, loaded, {
        fileName,
        declaredBodyBytes: declared > 0 ? declared : null,
      })
    },
  })
  try {
    if (fields.intent === 'remove') {
      const removed = await removeAttachment(actor, loaded, fields.attachmentId ?? '')
      return await redirectWithFlash(
        back,
        removed.ok
          ? { kind: 'success', message: 'common:flash.fileRemoved' }
          : { kind: 'error', message: removed.message },
      )
    }
    const questionId = fields.questionId || null
    const refuse = (message: Message) =>
      redirectWithFlash(back, { kind: 'error', message, field: uploadField(questionId) })
    if (!file?.fileName) return await refuse('applications:attachments.chooseFile')
    const result = await addAttachment(actor, loaded, { questionId, fileName: file.fileName, file })
    if (!result.ok) return await refuse(result.message)
    const name = shortFileName(result.fileName)
    return await redirectWithFlash(back, {
      kind: 'success',
      message: {
        key: result.alreadyAttached
          ? 'common:flash.fileAlreadyAttached'
          : 'common:flash.fileUploaded',
        values: { name },
      },
    })
  } finally {
    await discard()
  }
}
