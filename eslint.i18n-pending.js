/**
 * Files not yet converted to translations (docs/i18n.md): `i18next/no-literal-string` skips them.
 * Each conversion deletes its files from this list; when issue 7 is done, the list is empty.
 */
export default [
  'app/components/application-step-nav.tsx',
  'app/components/application-summary.tsx',
  'app/components/button.tsx',
  'app/components/card.tsx',
  'app/components/confirm-checkbox.tsx',
  'app/components/copy-button.tsx',
  'app/components/draft-backup-banner.tsx',
  'app/components/draft-backup-form.tsx',
  'app/components/filter-form.tsx',
  'app/components/local-time.tsx',
  'app/components/table.tsx',
  'app/routes/applications.$id._index.tsx',
  'app/routes/applications.$id.review.tsx',
  'app/routes/applications.$id.tsx',
  'app/routes/programs.$slug._index.tsx',
  'app/routes/programs.$slug.apply.tsx',
  'app/routes/programs._index.tsx',
]
