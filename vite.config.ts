/// <reference types="vitest/config" />
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  server: { port: 3000 },
  build: { target: 'es2022' },
  plugins: [
    // Vitest runs services and loaders directly; the Remix plugin is only for the app build.
    process.env.VITEST
      ? null
      : remix({
          // BUILD_DIR lets two builds run side by side (e.g. parallel work on one machine).
          buildDirectory: process.env.BUILD_DIR ?? 'build',
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_lazyRouteDiscovery: true,
            v3_singleFetch: true,
            v3_routeConfig: true,
          },
        }),
  ],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/support/setup-env.ts'],
    // Chooses the database once: the PostgreSQL server when one answers, else PGlite.
    globalSetup: ['tests/support/global-setup.ts'],
    // Integration files each build their own database; two workers match the two cores here.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
