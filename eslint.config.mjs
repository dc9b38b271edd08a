import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import layers from './eslint-rules/layers.mjs'
import i18next from 'eslint-plugin-i18next'

const nondeterminism = 'the simulation is deterministic: take time from the virtual clock and randomness from the seeded rng'

export default tseslint.config(
  { ignores: ['tests/fixtures/insecure-electron/**', 'node_modules/**', 'out/**', 'dist/**', 'dist-web/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { stacklab: { rules: { layers } } },
    rules: {
      'stacklab/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: nondeterminism },
        { object: 'Date', property: 'now', message: nondeterminism },
        { object: 'performance', property: 'now', message: nondeterminism }],
      'no-restricted-globals': ['error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'performance']
          .map((name) => ({ name, message: nondeterminism }))],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: nondeterminism }]
    }
  },
  {
    // Every text the UI shows goes through i18next (issue #6): no literal words in JSX text or in the attributes
    // a person reads (aria-label, title, placeholder, alt). Tests and the lesson data are outside this rule.
    files: ['src/renderer/src/ui/**/*.tsx'],
    ignores: ['src/renderer/src/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        'jsx-attributes': { include: ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label'] },
        words: {
          exclude: [
            /^[^\p{L}]*$/u, // symbols and figures
            /^[A-Z_-]+$/, // constants
            /^[a-z][a-zA-Z0-9]*([-_.:/][a-zA-Z0-9]+)*$/, // identifiers: class names, test ids, keys (lowercase, no spaces)
            /^(vCPUs?|MiB|MB|GiB|GB|KB|s|ms|t|Stacklab)$/ // units and the name
          ]
        },
        callees: { exclude: ['t', 'tr', 'i18n(ext)?', 'stretch', 'require', 'addEventListener', 'removeEventListener', 'includes', 'startsWith', 'endsWith', 'indexOf', 'querySelector(All)?', 'classNames', 'cx'] },
        // code and kbd show commands and keys, which are not translated
        'jsx-components': { exclude: ['Trans', 'code', 'kbd', 'pre', 'samp'] }
      }]
    }
  },
  { files: ['eslint-rules/**', 'scripts/**'], rules: { '@typescript-eslint/no-require-imports': 'off' } }
)
