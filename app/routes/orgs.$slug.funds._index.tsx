import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { FUND_MANAGER_ROLES, listFunds } from '#app/services/programs/funds.server.ts'
import { assertFunder } from '#app/utils/funder-access.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Funds · Commons Fund' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  assertFunder(organization)
  return { slug: organization.slug, funds: await listFunds(organization.id) }
}

export default function Funds() {
  const { slug, funds } = useLoaderData<typeof loader>()
  return (
    <Card title="Funds" actions={<Link to={`/orgs/${slug}/funds/new`}>Create a fund</Link>}>
      {funds.length === 0 ? (
        <EmptyState title="No funds yet">
          <p>
            A fund is a pool of money: donations come in to it, and its programs give grants out of
            it. <Link to={`/orgs/${slug}/funds/new`}>Create your first fund</Link>.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption={`${funds.length} ${funds.length === 1 ? 'fund' : 'funds'}`}
          rows={funds}
          rowKey={(f) => f.id}
          columns={[
            {
              header: 'Name',
              cell: (f) => <Link to={`/orgs/${slug}/funds/${f.slug}`}>{f.name}</Link>,
            },
            { header: 'Currency', cell: (f) => f.currency },
            {
              header: 'Visibility',
              cell: (f) => (f.visibility === 'public' ? 'Public' : 'Private'),
            },
            { header: 'Programs', cell: (f) => f.programCount, numeric: true },
          ]}
        />
      )}
    </Card>
  )
}
