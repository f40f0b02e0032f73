import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { smtpConfigured } from '#app/config/env.server.ts'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Button } from '#app/components/button.tsx'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FunderProgramTable } from '#app/components/funder-program-table.tsx'
import {
  JOINED_FLASH_KEYS,
  KIND_LABEL_KEYS,
  ROLE_IN_SENTENCE_KEYS,
  ROLE_LABEL_KEYS,
} from '#app/domain/organizations.ts'
import { DataTable } from '#app/components/table.tsx'
import { AnswerInvitationSchema } from '#app/schemas/invitation.ts'
import { listUserApplications } from '#app/services/applications/application-lists.server.ts'
import {
  answerInvitation,
  INVITATION_REFUSALS,
  listInvitationsFor,
} from '#app/services/organizations/invitations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { listFunderPrograms } from '#app/services/programs/program-lists.server.ts'
import { hasDonorGifts } from '#app/services/donations/donor-gifts.server.ts'
import { getSessionOrganizations, getSessionUser } from '#app/utils/session.server.ts'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { AnonymousCacheHandle } from '#app/utils/anonymous-page-cache.server.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { hreflangLinks, titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { volunteerCardOf } from '#app/services/volunteers/profiles.server.ts'

// Invitations and the organisation cards use the organisations' words.
// Signed-out visitors get the welcome page, which the anonymous page cache may keep (decision 018).
export const handle: I18nHandle & AnonymousCacheHandle = {
  i18n: ['home', 'organizations', 'gifts', 'volunteers'],
  anonymousCache: true,
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...titleMeta(null, matches),
  { name: 'description', content: data?.description ?? '' },
  ...hreflangLinks(matches),
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const description = (await requestT(request))('home:description')
  if (!user) {
    return {
      description,
      user: null,
      outbox: false,
      organizations: [],
      applications: [],
      programs: null,
      invitations: [],
      gifts: false,
      volunteer: null,
    }
  }
  const [organizations, applications, invitations, gifts, volunteer] = await Promise.all([
    getSessionOrganizations(request),
    listUserApplications(user.id),
    listInvitationsFor(user.email),
    // Gifts are the account's only once it has proved the address is its own (as on /gifts).
    hasDonorGifts(user.emailVerified ? [user.email.toLowerCase()] : []),
    volunteerCardOf(user.id),
  ])
  return {
    description,
    user: { name: user.name },
    // For the demo: with no SMTP server, the mails the app writes wait in the admin's outbox.
    outbox: user.isPlatformAdmin && !smtpConfigured(),
    organizations,
    volunteer,
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    gifts,
    programs: await funderProgramsOf(user.id, organizations),
    applications: applications.map((a) => ({
      ...a,
      updatedAt: a.updatedAt.toISOString(),
      closesAt: a.closesAt?.toISOString() ?? null,
    })),
  }
}

const GONE = 'home:invitations.gone'

/** Accept or Decline on one of the signed-in person's own invitations. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, AnswerInvitationSchema)
  if (!form.ok) return form.response
  const { invitationId, answer } = form.data
  const invitee = { ...user, ip: requestOrigin(request, context).ip }
  const result = await answerInvitation(invitee, invitationId, answer)
  if (!result.ok) {
    if (result.reason === 'unknown' || result.reason === 'wrong-email') throwNotFound(GONE)
    return redirectWithFlash('/', { kind: 'error', message: INVITATION_REFUSALS[result.reason] })
  }
  if ('declined' in result) {
    return redirectWithFlash('/', {
      kind: 'success',
      message: { key: 'common:flash.invitationDeclined', values: { name: result.declined.name } },
    })
  }
  await setCurrentOrganization(user.sessionId, result.organization.id)
  const name = result.organization.name
  const message: Message = result.alreadyMember
    ? { key: 'common:flash.alreadyMember', values: { name } }
    : { key: JOINED_FLASH_KEYS[result.role], values: { name } }
  return redirectWithFlash(`/orgs/${result.organization.slug}`, { kind: 'success', message })
}

/** Programs for the user who runs them at a funder; null when they run none. */
async function funderProgramsOf(
  userId: string,
  organizations: Awaited<ReturnType<typeof getSessionOrganizations>>,
) {
  const funders = organizations.filter(
    (o) => o.kind === 'funder' && FUND_MANAGER_ROLES.includes(o.role),
  )
  if (funders.length === 0) return null
  const rows = await listFunderPrograms({ userId })
  return {
    showFunder: funders.length > 1,
    fundsLink: `/orgs/${funders[0]!.slug}/funds`,
    rows: rows.map((p) => ({ ...p, closesAt: p.closesAt?.toISOString() ?? null })),
  }
}

export default function Index() {
  const { user, organizations, applications, programs, invitations, outbox, gifts, volunteer } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation('home')
  const format = useFormatters()
  if (!user) return <Welcome />
  const writesApplications = organizations.some((o) => o.kind === 'community_group')
  return (
    <>
      <h1>{t('home:dashboard.welcome', { name: user.name })}</h1>
      {invitations.length > 0 ? <Invitations invitations={invitations} /> : null}
      {outbox ? (
        <Card title={t('home:outbox.title')}>
          <p>
            {t('home:outbox.text')} <Link to="/admin/outbox">{t('home:outbox.link')}</Link>
          </p>
        </Card>
      ) : null}
      {gifts ? (
        <Card title={t('gifts:card.title')}>
          <p>
            {t('gifts:card.text')} <Link to="/gifts">{t('gifts:card.link')}</Link>
          </p>
        </Card>
      ) : null}
      {programs ? (
        <Card
          title={t('home:programs.title')}
          actions={<Link to={programs.fundsLink}>{t('home:programs.funds')}</Link>}
        >
          {programs.rows.length === 0 ? (
            <EmptyState title={t('home:programs.emptyTitle')}>
              <p>
                {t('home:programs.emptyText')}{' '}
                <Link to={programs.fundsLink}>{t('home:programs.emptyLink')}</Link>
              </p>
            </EmptyState>
          ) : (
            <FunderProgramTable
              caption={t('home:programs.caption')}
              programs={programs.rows}
              showFunder={programs.showFunder}
            />
          )}
        </Card>
      ) : null}
      {writesApplications ? (
        <Card
          title={t('home:applications.title')}
          actions={<Link to="/programs">{t('home:applications.findFunding')}</Link>}
        >
          {applications.length === 0 ? (
            <EmptyState title={t('home:applications.emptyTitle')}>
              <p>
                <Link to="/programs">{t('home:applications.emptyLink')}</Link>
                {t('home:applications.emptyText')}
              </p>
            </EmptyState>
          ) : (
            <DataTable
              caption={t('home:applications.caption')}
              rows={applications}
              rowKey={(a) => a.id}
              columns={[
                applicationColumns.title(t),
                { header: t('home:applications.group'), cell: (a) => a.organizationName },
                { header: t('home:applications.program'), cell: (a) => a.programTitle },
                applicationColumns.status(t),
                {
                  header: t('home:applications.deadline'),
                  cell: (a) => (a.closesAt ? format.dateTime(a.closesAt, a.timeZone) : '—'),
                },
              ]}
            />
          )}
        </Card>
      ) : null}
      <VolunteerCard volunteer={volunteer} />
      <Card
        title={t('home:organizations.title')}
        actions={<Link to="/orgs/new">{t('home:organizations.setUp')}</Link>}
      >
        {organizations.length === 0 ? (
          <EmptyState title={t('home:organizations.emptyTitle')}>
            <p>{t('home:organizations.emptyText')}</p>
            <p>
              <Link className="btn btn-primary" to="/orgs/new?kind=community_group">
                {t('home:organizations.setUpGroup')}
              </Link>{' '}
              <Link className="btn btn-secondary" to="/orgs/new?kind=funder">
                {t('home:organizations.setUpFunder')}
              </Link>
            </p>
          </EmptyState>
        ) : (
          <ul className="grid plain-list">
            {organizations.map((o) => (
              <li key={o.id} className="card">
                <h3>
                  <Link to={`/orgs/${o.slug}`}>{o.name}</Link>
                </h3>
                <p>
                  <span className="badge">{t(KIND_LABEL_KEYS[o.kind])}</span>{' '}
                  {t(ROLE_LABEL_KEYS[o.role])}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}

/** Every signed-in person can offer skills: their profile, or the way to make one. */
function VolunteerCard({
  volunteer,
}: {
  volunteer: { id: string; headline: string; paused: boolean } | null
}) {
  const { t } = useTranslation('volunteers')
  return (
    <Card title={t('volunteers:dashboard.title')}>
      {volunteer ? (
        <>
          <p>{t('volunteers:dashboard.hasProfile', { headline: volunteer.headline })}</p>
          {volunteer.paused ? <p className="hint">{t('volunteers:dashboard.pausedNote')}</p> : null}
          <p>
            <Link to={`/volunteers/${volunteer.id}`}>{t('volunteers:dashboard.view')}</Link>
          </p>
          <p>
            <Link to="/volunteer/requests">{t('volunteers:dashboard.requestsLink')}</Link>
          </p>
          <p>
            <Link to="/engagements">{t('volunteers:dashboard.engagementsLink')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('volunteers:dashboard.become')}</p>
          <p>
            <Link className="btn btn-secondary" to="/volunteer">
              {t('volunteers:dashboard.becomeLink')}
            </Link>
          </p>
        </>
      )}
    </Card>
  )
}

type PendingInvitation = ReturnType<typeof useLoaderData<typeof loader>>['invitations'][number]

/** Nobody joins an organisation without saying yes here (or on the invitation's link). */
function Invitations({ invitations }: { invitations: PendingInvitation[] }) {
  const { t } = useTranslation('home')
  const format = useFormatters()
  return (
    <Card title={t('home:invitations.title')}>
      <ul className="stack plain-list">
        {invitations.map((i) => (
          <li key={i.id}>
            <Form method="post" className="stack">
              <p>
                {t('home:invitations.text', {
                  who: i.invitedBy ?? t('home:invitations.someone'),
                  organization: i.organizationName,
                  role: t(ROLE_IN_SENTENCE_KEYS[i.role]),
                  until: format.date(i.expiresAt),
                })}
              </p>
              <input type="hidden" name="invitationId" value={i.id} />
              <div className="actions">
                <Button
                  name="answer"
                  value="accept"
                  aria-label={t('home:invitations.acceptLabel', {
                    organization: i.organizationName,
                  })}
                >
                  {t('home:invitations.accept')}
                </Button>
                <Button
                  variant="secondary"
                  name="answer"
                  value="decline"
                  aria-label={t('home:invitations.declineLabel', {
                    organization: i.organizationName,
                  })}
                >
                  {t('home:invitations.decline')}
                </Button>
              </div>
            </Form>
          </li>
        ))}
      </ul>
    </Card>
  )
}

function Welcome() {
  const { t } = useTranslation('home')
  return (
    <>
      <h1>{t('home:welcome.title')}</h1>
      <p className="lede">{t('home:welcome.lede')}</p>
      <p className="actions">
        <Link className="btn btn-primary" to="/signup">
          {t('home:welcome.signUp')}
        </Link>
        <Link className="btn btn-secondary" to="/login">
          {t('home:welcome.logIn')}
        </Link>
        <Link className="btn btn-secondary" to="/funds">
          {t('home:welcome.give')}
        </Link>
      </p>
    </>
  )
}
