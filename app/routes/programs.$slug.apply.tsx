import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
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
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { useTranslation } from 'react-i18next'
import { formFailure } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'

export const handle: I18nHandle = { i18n: ['applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request)
  const found = slug ? await findVisibleProgram({ slug }) : null
  if (!found) throwNotFound('applications:start.noProgram')
  return { user, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, program } = await load(request, params.slug)
  const t = await requestT(request)
  return {
    title: t('applications:start.title', { program: program.title }),
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

const StartSchema = z.object({
  organization: z.string().min(1, 'applications:start.chooseGroup'),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, program } = await load(request, params.slug)
  const formData = await readForm(request)
  const parsed = StartSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return formFailure({ form: 'applications:start.chooseGroup' }, formData)
  const allowed = await applicantOrganizations(user.id)
  const choice = allowed.find((o) => o.slug === parsed.data.organization)
  const organization = choice ? await findOrganizationBySlug(choice.slug) : null
  if (!organization) throwNotFound('applications:start.noOrganization')
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
  const { t } = useTranslation('applications')
  const format = useFormatters()
  return (
    <>
      <h1>{t('applications:start.title', { program: program.title })}</h1>
      {program.closesAt ? (
        <p className="lede">
          {t('applications:start.deadline', {
            deadline: format.dateTime(program.closesAt, program.timeZone),
          })}
        </p>
      ) : null}
      {!open ? (
        <Card>
          <p>{t('applications:start.notOpen')}</p>
          <p>
            <Link to="/programs">{t('applications:start.seeOpen')}</Link>
          </p>
        </Card>
      ) : organizations.length === 0 ? (
        <EmptyState title={t('applications:start.groupsOnly')}>
          <p>{t('applications:start.setUpFirst')}</p>
          <p>
            <Link
              className="btn btn-primary"
              to={`/orgs/new?${new URLSearchParams({ kind: 'community_group', redirectTo: location.pathname })}`}
            >
              {t('applications:start.setUpGroup')}
            </Link>
          </p>
        </EmptyState>
      ) : (
        <Card title={t('applications:start.whichGroup')}>
          <Form method="post" className="stack">
            <FormError message={failure?.errors.form} />
            <fieldset className="field">
              <legend>{t('applications:start.applyAs')}</legend>
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
            <p className="hint">{t('applications:start.hint')}</p>
            <Button>{t('applications:start.submit')}</Button>
          </Form>
        </Card>
      )}
    </>
  )
}
