import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import i18next from 'eslint-plugin-i18next'
import i18nPending from './eslint.i18n-pending.js'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'build-*/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A scrolling region must be reachable from the keyboard (WCAG 2.1.1; axe's
      // scrollable-region-focusable), so a labelled region may take tabIndex={0}.
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          // Raw SQL must go through drizzle's sql`` template, which parameterises values.
          selector: "CallExpression[callee.property.name='raw'][callee.object.name='sql']",
          message: 'sql.raw() bypasses parameters; use the sql`` template.',
        },
        {
          // Bodies are read by app/utils/request-body.server.ts, which enforces the size limits
          // while streaming and drops NUL bytes; reading one directly skips both.
          selector:
            "CallExpression[callee.property.name=/^(formData|text|json|arrayBuffer|blob)$/][callee.object.name='request']",
          message:
            'Read request bodies with readForm/readUpload (app/utils/request-body.server.ts).',
        },
        {
          // On the server, app/components/link.tsx writes a plain link without Remix's hooks.
          selector:
            "ImportDeclaration[source.value='@remix-run/react'] > ImportSpecifier[imported.name=/^(Link|NavLink)$/]",
          message: 'Import Link and NavLink from #app/components/link.tsx.',
        },
      ],
    },
  },
  {
    // The one module that wraps Remix's links (and so imports them).
    files: ['app/components/link.tsx', 'tests/unit/server-links.test.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The layers of docs (DESIGN, Architecture): components, schemas, the domain and app/lib run in
    // the browser too, so they never reach into the database or server-only modules, not even for a
    // type, nor into the request layer (app/utils) or app/config.
    files: ['app/components/**', 'app/schemas/**', 'app/domain/**', 'app/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(#db|(\\.\\.?/)+db)(/|$)',
              message: 'Browser-safe code may not import db/; take the type from app/domain.',
            },
            {
              regex: '\\.server(\\.tsx?)?$',
              message:
                'Browser-safe code may not import *.server modules; move what it needs to app/domain.',
            },
            {
              regex: '^(#app|(\\.\\.?/)+app)/(services|routes|utils|config|seed)/',
              message:
                'Browser-safe code may import only app/domain and app/lib, not services, routes, the request layer (app/utils) or app/config.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services and app/config sit below the request layer: they take parsed values from it and never
    // import it back (app/utils is for routes and the server only).
    files: ['app/services/**', 'app/config/**'],
    rules: {
      // Services take parsed values: the request layer or a schema reads forms and query strings.
      'no-restricted-globals': [
        'error',
        ...['FormData', 'URLSearchParams', 'Request'].map((name) => ({
          name,
          message:
            'Services take parsed values; parse forms and queries in app/utils or app/schemas.',
        })),
      ],
      '@typescript-eslint/no-restricted-types': [
        'error',
        {
          types: Object.fromEntries(
            ['FormData', 'URLSearchParams', 'Request'].map((name) => [
              name,
              'Services take parsed values; parse forms and queries in app/utils or app/schemas.',
            ]),
          ),
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(#app|(\\.\\.?/)+app)/(utils|routes|components|seed)/',
              message:
                'Services and app/config may not import the request layer (app/utils), routes, components or the seed; move plain helpers to app/lib.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Stripe stand-in is Stripe's side of the wire: an HTTP server of its own that reads the
    // SDK's form-encoded requests itself (docs/decisions/026-stripe-sandbox.md), so the rule that
    // services take parsed values does not apply to its parser.
    files: ['app/services/payments/stripe-sandbox/form.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // Nothing in db/ imports the layers above it; seeding lives in app/seed, above the services.
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(#app|(\\.\\./)+app)/(services|routes|utils|components|schemas|seed)/',
              message:
                'db/ may import only app/domain; the layers above it import db/, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // Audit rows are written by the service that makes the change, in its transaction.
    files: ['app/routes/**', 'app/utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '#app/services/admin/audit.server.ts',
              importNames: ['recordAudit'],
              message: 'Routes do not write audit rows; the service that makes the change does.',
            },
          ],
        },
      ],
    },
  },
  {
    // Everything a person reads goes through translations (docs/i18n.md): literal text in JSX, and
    // the attributes and props people read. Files not yet converted are listed in
    // eslint.i18n-pending.js; the list shrinks to nothing.
    files: ['app/root.tsx', 'app/routes/**/*.tsx', 'app/components/**/*.tsx'],
    ignores: i18nPending,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'title',
              'alt',
              'placeholder',
              'label',
              'hint',
              'caption',
              'legend',
              'header',
              'message',
            ],
          },
          // Calls whose string arguments are names, not text: t() itself, form fields, params.
          callees: {
            exclude: [
              'i18n(ext)?',
              't',
              'tm',
              'field',
              'choice',
              'errorOf',
              'register',
              'get',
              'has',
              'includes',
              'startsWith',
              'endsWith',
              'keepingRedirect',
            ],
          },
          // Allowed as they are: punctuation and symbols, the dash for "none", the brand.
          words: { exclude: ['[0-9!-/:-@[-`{-~—–·…\\s]+', 'Commons Fund'] },
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
