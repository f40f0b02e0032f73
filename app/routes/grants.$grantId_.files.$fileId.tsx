import type { LoaderFunctionArgs } from '@remix-run/node'
import { readReportFile } from '#app/services/grants/grant-report-files.server.ts'
import { fileDownload, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'

/**
 * A grant report's file, for the grantee organisation's members and the funder's program
 * officers only (anyone else: not found), always as a download with the type decided on upload.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const file = await readReportFile(user.id, params.grantId ?? '', params.fileId ?? '')
  if (!file) throwNotFound('grants:files.notFound')
  return fileDownload(file)
}
