import type { LoaderFunctionArgs } from '@remix-run/node'
import { readAttachment } from '#app/services/applications/attachments.server.ts'
import { requireApplication } from '#app/utils/application-route.server.ts'
import { fileDownload, throwNotFound } from '#app/utils/http.server.ts'

/**
 * Sends a file only to someone who may see its application (requireApplication), always as a
 * download with the type we decided on upload, so a file can never run as a page on our origin.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireApplication(request, params.id)
  const file = await readAttachment(loaded, params.attachmentId ?? '')
  if (!file) throwNotFound('applications:attachments.notFound')
  return fileDownload(file)
}
