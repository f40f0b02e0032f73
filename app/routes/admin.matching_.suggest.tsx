import type { ActionFunctionArgs } from '@remix-run/node'
import { startSuggestionRun } from '#app/services/volunteers/suggestion-batch.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'

/**
 * "Suggest matches for the platform": an admin queues the batch run (audited); the matching page
 * shows its progress. Refused while another run is queued or running.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const started = await startSuggestionRun({ id: admin.id, ip: requestOrigin(request, context).ip })
  if (!started.ok)
    return redirectWithFlash('/admin/matching', { kind: 'error', message: started.message! })
  return redirectWithFlash('/admin/matching', {
    kind: 'success',
    message: 'admin:suggestRun.started',
  })
}
