import type { ActionFunctionArgs } from '@remix-run/node'
import { shortFileName } from '#app/domain/file-types.ts'
import { reportFileField } from '#app/lib/flash.ts'
import { db } from '#db/client.server.ts'
import { granteeGrant } from '#app/services/grants/grant-access.server.ts'
import { addReportFile } from '#app/services/grants/grant-report-files.server.ts'
import { answerUpload, redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readUpload } from '#app/utils/request-body.server.ts'
import { refuse } from '#app/utils/results.server.ts'

/**
 * The grantee attaches one file to a report awaiting review (one file per request, 10 MB, checked
 * like an application's files). The result shows beside that report's file field, in the flash.
 */
export async function action(args: ActionFunctionArgs) {
  return answerUpload(args.request, await handle(args))
}

async function handle({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  // Anyone outside the grantee organisation is told the grant does not exist, before any upload.
  const found = await granteeGrant(db(), { id: user.id }, params.grantId ?? '')
  if (!found.ok) throw refuse(found)
  const grantId = found.grant.id
  const { fields, file, discard } = await readUpload(request)
  try {
    const reportId = fields.reportId ?? ''
    const back = `/grants/${grantId}`
    const field = reportFileField(reportId)
    if (!file?.fileName) {
      return await redirectWithFlash(back, {
        kind: 'error',
        message: 'applications:attachments.chooseFile',
        field,
      })
    }
    const actor = { id: user.id, ip: requestOrigin(request, context).ip }
    const result = await addReportFile(actor, grantId, reportId, { fileName: file.fileName, file })
    if (!result.ok) {
      const message = result.message ?? 'common:errors.notDone'
      return await redirectWithFlash(back, { kind: 'error', message, field })
    }
    return await redirectWithFlash(back, {
      kind: 'success',
      message: {
        key: 'common:flash.fileUploaded',
        values: { name: shortFileName(result.fileName) },
      },
    })
  } finally {
    await discard()
  }
}
