import { useLocation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { STEP_KEYS, type ApplicationStep } from '#app/domain/applications/application-steps.ts'

export interface StepLink {
  step: ApplicationStep
  label: string
  complete: boolean
}

/**
 * The application's steps, the current one marked for assistive technology. On a phone it is one
 * line saying where the user is and a row of steps that scrolls sideways (the current one brought
 * into view), so the form stays above the fold.
 */
export function ApplicationStepNav({
  applicationId,
  steps,
}: {
  applicationId: string
  steps: StepLink[]
}) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const list = useRef<HTMLOListElement>(null)
  const all = [
    ...steps,
    { step: 'review' as const, label: t(STEP_KEYS.review), complete: undefined },
  ].map((s) => ({ ...s, href: `/applications/${applicationId}/${s.step}` }))
  const at = all.findIndex((s) => s.href === pathname)
  const current = all[at]

  useEffect(() => {
    const ol = list.current
    const item = ol?.querySelector<HTMLElement>('[aria-current="step"]')?.parentElement
    if (ol && item && ol.scrollWidth > ol.clientWidth)
      ol.scrollLeft = item.offsetLeft - (ol.clientWidth - item.offsetWidth) / 2
  }, [pathname])

  return (
    <nav aria-label={t('common:applicationStepNav.label')} className="steps">
      {current ? (
        <p className="steps-where">
          {t('common:applicationStepNav.where', {
            step: at + 1,
            total: all.length,
            label: current.label,
          })}
        </p>
      ) : null}
      <ol className="scroll-row" ref={list}>
        {all.map((s, i) => (
          <li key={s.step}>
            <Link to={s.href} aria-current={i === at ? 'step' : undefined}>
              {s.label}
              {s.complete === undefined ? null : (
                <span className={s.complete ? 'step-state done' : 'step-state pending'}>
                  {' '}
                  {s.complete
                    ? t('common:applicationStepNav.complete')
                    : t('common:applicationStepNav.toDo')}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}
