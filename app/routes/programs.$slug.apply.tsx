import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { z } from 'zod'
import { isAcceptingApplications } from '#app/domain/programs/program-status.ts'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import {
  applicantOrganizations,
  startApplication,
} from '#app/services/applications/applications.server.ts'
import { findVisibleProgram } from '#app/services/programs/program-catalog.server.ts'
import { findOrganizationBySlug } from '#app/services/organizations/organizations.server.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { formFailure } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Apply to ${data.program.title} · Commons Fund` : 'Apply · Commons Fund' },
]

async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request)
  const found = slug ? await findVisibleProgram({ slug }) : null
  if (!found) throwNotFound('No such program')
  return { user, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, program } = await load(request, params.slug)
  return {
    program: {
      title: program.title,
      slug: program.slug,
      closesAt: program.closesAt?.toISOString() ?? null,
      timeZone: program.timeZone,
    },
    open: isAcceptingApplications(program, await databaseNow()),
    organizations: await applicantOrganizations(user.id),
  }
}

const StartSchema = z.object({ organization: z.string().min(1, 'Choose the group you apply for') })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, program } = await load(request, params.slug)
  const formData = await readForm(request)
  const parsed = StartSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return formFailure({ form: 'Choose the group you apply for.' }, formData)
  const allowed = await applicantOrganizations(user.id)
  const choice = allowed.find((o) => o.slug === parsed.data.organization)
  const organization = choice ? await findOrganizationBySlug(choice.slug) : null
  if (!organization) throwNotFound('No such organisation')
  const actor = {
    id: user.id,
    name: user.name,
    email: user.email,
    ip: requestOrigin(request, context).ip,
  }
  const started = await startApplication(actor, organization, program)
  if (!started.ok) return refuse(started, formData)
  return redirect(`/applications/${started.application.id}`)
}

export default function Apply() {
  const { program, open, organizations } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const location = useLocation()
  return (
    <>
      <h1>Apply to {program.title}</h1>
      {program.closesAt ? (
        <p className="lede">Deadline: {formatDateTime(program.closesAt, program.timeZone)}</p>
      ) : null}
      {!open ? (
        <Card>
          <p>This program is not taking applications now.</p>
          <p>
            <Link to="/programs">See programs that are open</Link>
          </p>
        </Card>
      ) : organizations.length === 0 ? (
        <EmptyState title="Applications come from community groups">
          <p>Set up your group first (it takes a minute); you come straight back here after.</p>
          <p>
            <Link
              className="btn btn-primary"
              to={`/orgs/new?${new URLSearchParams({ kind: 'community_group', redirectTo: location.pathname })}`}
            >
              Set up a community group
            </Link>
          </p>
        </EmptyState>
      ) : (
        <Card title="Which group is applying?">
          <Form method="post" className="stack">
            <FormError message={failure?.errors.form} />
            <fieldset className="field">
              <legend>Apply as</legend>
              {organizations.map((o, i) => (
                <div key={o.id} className="choice">
                  <input
                    type="radio"
                    id={`org-${o.slug}`}
                    name="organization"
                    value={o.slug}
                    defaultChecked={i === 0}
                  />
                  <label htmlFor={`org-${o.slug}`}>{o.name}</label>
                </div>
              ))}
            </fieldset>
            <p className="hint">
              We fill in what we already know from your profile. Everything saves as you go, and
              others in your group can work on it too.
            </p>
            <Button>Start or continue the application</Button>
          </Form>
        </Card>
      )}
    </>
  )
}
