import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError, SelectField, TextField } from '#app/components/field.tsx'
import { ROLE_LABEL_KEYS } from '#app/domain/organizations.ts'
import { REVIEWER_KIND_KEYS } from '#app/domain/review/review-states.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { PanelActionSchema } from '#app/schemas/review/review.ts'
import {
  addStaffReviewer,
  invitePanelMember,
  listPanel,
  listPanelInvitations,
  listStaffCandidates,
  removePanelMember,
  revokePanelInvitation,
} from '#app/services/review/panel.server.ts'
import { programActor, requireOfficerProgram } from '#app/utils/funder-access.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['review', 'organizations'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, program } = await requireOfficerProgram(request, params)
  const [panel, candidates, invitations] = await Promise.all([
    listPanel(program, organization.id),
    listStaffCandidates(program.id, organization.id),
    listPanelInvitations(program.id),
  ])
  return {
    panel: panel.map((p) => ({ ...p, left: p.kind === 'staff' && !p.role })),
    candidates,
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireOfficerProgram(request, params)
  const form = await parseForm(request, PanelActionSchema)
  if (!form.ok) return form.response
  const actor = programActor(access, requestOrigin(request, context).ip)
  const input = form.data
  const result =
    input.intent === 'add-staff'
      ? await addStaffReviewer(actor, access.program, input.userId)
      : input.intent === 'invite'
        ? await invitePanelMember(actor, access.program, access.organization, input.email)
        : input.intent === 'revoke'
          ? await revokePanelInvitation(actor, access.program, input.invitationId)
          : await removePanelMember(actor, access.program, input.panelMemberId)
  if (!result.ok) return refuse(result, form.formData)
  const flash =
    input.intent === 'add-staff'
      ? 'review:panel.added'
      : input.intent === 'invite'
        ? { key: 'review:panel.invited', values: { email: input.email } }
        : input.intent === 'revoke'
          ? 'review:panel.revoked'
          : 'review:panel.removed'
  return redirectWithFlash(
    `/orgs/${access.organization.slug}/programs/${access.program.slug}/panel`,
    {
      kind: 'success',
      message: flash,
    },
  )
}

export default function ProgramPanel() {
  const { panel, candidates, invitations } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('review')
  const errors = failure?.errors
  return (
    <>
      <Card title={t('review:panel.title')} headingLevel={3}>
        <p>{t('review:panel.intro')}</p>
        <FormError message={errors?.form} />
        {panel.length === 0 ? (
          <EmptyState title={t('review:panel.empty')} />
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('review:panel.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review:panel.name')}</th>
                <th scope="col">{t('review:panel.kind')}</th>
                <th scope="col">{t('review:panel.load')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('review:panel.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {panel.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.name} <span className="hint">{p.email}</span>
                  </td>
                  <td>
                    {t(REVIEWER_KIND_KEYS[p.kind])}
                    {p.role ? ` (${t(ROLE_LABEL_KEYS[p.role])})` : null}
                    {p.left ? ` — ${t('review:panel.leftFunder')}` : null}
                  </td>
                  <td>{p.load}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="panelMemberId" value={p.id} />
                      <Button variant="link" name="intent" value="remove">
                        {t('review:panel.remove', { name: p.name })}
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t('review:panel.addStaff')} headingLevel={3}>
        {candidates.length === 0 ? (
          <p>{t('review:panel.noCandidates')}</p>
        ) : (
          <Form method="post" className="stack">
            <SelectField
              label={t('review:panel.staffMember')}
              name="userId"
              required
              placeholder={t('review:panel.choose')}
              options={candidates.map((c) => ({
                value: c.userId,
                label: `${c.name} (${t(ROLE_LABEL_KEYS[c.role])})`,
              }))}
              error={errors?.userId}
            />
            <div className="actions">
              <Button name="intent" value="add-staff">
                {t('review:panel.add')}
              </Button>
            </div>
          </Form>
        )}
      </Card>
      <Card title={t('review:panel.inviteCommunity')} headingLevel={3}>
        <p>{t('review:panel.inviteIntro')}</p>
        <Form method="post" className="stack">
          <TextField
            label={t('review:panel.email')}
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={typeof failure?.values.email === 'string' ? failure.values.email : ''}
            error={errors?.email}
          />
          <div className="actions">
            <Button name="intent" value="invite">
              {t('review:panel.invite')}
            </Button>
          </div>
        </Form>
        {invitations.length ? (
          <>
            <h4>{t('review:panel.pending')}</h4>
            <ul>
              {invitations.map((i) => (
                <li key={i.id}>
                  <Form method="post" className="inline-form">
                    {i.email} <input type="hidden" name="invitationId" value={i.id} />
                    <Button variant="link" name="intent" value="revoke">
                      {t('review:panel.revoke', { email: i.email })}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
    </>
  )
}
