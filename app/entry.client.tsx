import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { notePreHydrationTyping } from './lib/pre-hydration-typing.ts'
import { DEFAULT_LANGUAGE, isLanguage, routeNamespaces } from './lib/i18n/config.ts'
import { startClientI18n } from './lib/i18n/client.ts'
import './lib/i18n/zod-error-map.ts'

notePreHydrationTyping(document)

declare global {
  interface Window {
    __remixRouteModules?: Record<string, { handle?: unknown } | undefined>
  }
}

const lang = document.documentElement.lang
// The route modules of this page are imported before this entry runs; their handles name the
// namespaces the server rendered with.
const handles = Object.values(window.__remixRouteModules ?? {}).map((m) => m?.handle)

void startClientI18n(isLanguage(lang) ? lang : DEFAULT_LANGUAGE, routeNamespaces(handles)).then(
  (i18n) => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18n}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      )
    })
  },
)
