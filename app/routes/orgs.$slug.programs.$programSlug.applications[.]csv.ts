import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseApplicationFilter } from '#app/schemas/applications/application-list.ts'
import { startApplicationExport } from '#app/services/applications/application-export.server.ts'
import { requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { requestOrigin } from '#app/utils/http.server.ts'
import { fixedT, requestLanguage } from '#app/utils/i18n.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

/**
 * The program's submitted applications as a CSV download, under the list's filters, streamed so
 * its size does not matter. The service audits each export: it holds applicants' contact details.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, organization, program, fund } = await requireManagedProgram(request, params)
  const url = new URL(request.url)
  const filter = parseApplicationFilter(readQuery(request))
  const actor = {
    id: user.id,
    ip: requestOrigin(request, context).ip,
    organizationId: organization.id,
  }
  // Headers and words in the reader's language (the page they downloaded it from).
  const language = await requestLanguage(request)
  const rows = await startApplicationExport(actor, {
    language,
    t: fixedT(language),
    program,
    currency: fund.currency,
    filter,
    origin: url.origin,
  })
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    // A byte-order mark, so spreadsheet programs read the names' accents as UTF-8.
    start: (controller) => controller.enqueue(encoder.encode('\uFEFF')),
    async pull(controller) {
      const next = await rows.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await rows.return(undefined)
    },
  })
  const day = new Date().toISOString().slice(0, 10)
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${program.slug}-${fixedT(language)('funder:csv.filename')}-${day}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
