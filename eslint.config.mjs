import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import layers from './eslint-rules/layers.mjs'

const nondeterminism = 'the simulation is deterministic: take time from the virtual clock and randomness from the seeded rng'

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'dist-web/**', 'test-results/**', 'playwright-report/**'] },
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
  { files: ['eslint-rules/**', 'scripts/**'], rules: { '@typescript-eslint/no-require-imports': 'off' } }
)
