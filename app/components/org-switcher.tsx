import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Switching organisation is a plain form post, so it works without JavaScript too. */
export function OrgSwitcher({
  organizations,
  currentId,
}: {
  organizations: { id: string; name: string }[]
  currentId: string
}) {
  const { t } = useTranslation()
  return (
    <Form method="post" action="/orgs/switch" className="org-switcher">
      <label htmlFor="org-switcher">{t('common:orgSwitcher.label')}</label>
      <select id="org-switcher" name="organizationId" defaultValue={currentId}>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-secondary">
        {t('common:orgSwitcher.submit')}
      </button>
    </Form>
  )
}
