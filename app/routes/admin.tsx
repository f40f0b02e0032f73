import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { NavLink } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { smtpConfigured } from '#app/config/env.server.ts'

// Kinds and roles of organisations are the organisations' words.
export const handle: I18nHandle = { i18n: ['admin', 'organizations'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const t = await requestT(request)
  // The development outbox exists only while no SMTP server is configured.
  return { title: t('admin:title'), outbox: !smtpConfigured() }
}

export default function AdminLayout() {
  const { t } = useTranslation('admin')
  const { outbox } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('admin:title')}</h1>
      <nav aria-label={t('admin:nav.label')} className="subnav">
        <NavLink to="/admin/users">{t('admin:nav.users')}</NavLink>
        <NavLink to="/admin/organizations">{t('admin:nav.organizations')}</NavLink>
        <NavLink to="/admin/audit">{t('admin:nav.audit')}</NavLink>
        <NavLink to="/admin/payments">{t('admin:nav.payments')}</NavLink>
        <NavLink to="/admin/matching">{t('admin:nav.matching')}</NavLink>
        <NavLink to="/admin/in-kind-rates">{t('admin:nav.inKindRates')}</NavLink>
        {outbox ? <NavLink to="/admin/outbox">{t('admin:nav.outbox')}</NavLink> : null}
      </nav>
      <Outlet />
    </>
  )
}
