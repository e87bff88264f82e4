import tseslint from 'typescript-eslint'
import importPlugin from 'eslint-plugin-import'
import reactHooks from 'eslint-plugin-react-hooks'

// The one architectural rule lint enforces: src/domain is pure. It imports nothing from Taro,
// React, Node or our other layers, so the server and the app share it unchanged.
const DOMAIN_FORBIDDEN = {
  patterns: [
    { group: ['@tarojs/*', 'react', 'react-dom', 'react/*', 'zustand', 'zustand/*'], message: 'src/domain must stay pure: no Taro, React or stores.' },
    { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'src/domain must stay pure: no Node built-ins or I/O.' },
  ],
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'admin/dist/**', 'node_modules/**', 'server/node_modules/**', 'server/data/**', 'data/**', 'coverage/**', 'e2e/out/**', '.swc/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    // The typescript resolver follows tsconfig.json's `@/` alias, so the zones below see through it.
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' }, node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-console': ['warn', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', DOMAIN_FORBIDDEN],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: './src',
              except: ['./domain'],
              message: 'src/domain imports only from src/domain.',
            },
            { target: './src/domain', from: './server', message: 'src/domain imports only from src/domain.' },
          ],
        },
      ],
    },
  },
  // The layers of docs/CONVENTIONS.md: pages → store + services → domain. Services (the API client
  // and platform adapters) never reach up into stores or screens; stores never into screens; shared
  // components never into pages. import/no-cycle catches a loop the zones do not name.
  {
    files: ['src/services/**/*.ts', 'src/store/**/*.ts', 'src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/services', from: ['./src/store', './src/pages', './src/packages', './src/components'], message: 'src/services is the API client and platform adapters: it never imports a store or a screen (a store calls configureApi or passes a callback instead).' },
            { target: './src/store', from: ['./src/pages', './src/packages', './src/components'], message: 'src/store never imports a screen or a component.' },
            { target: './src/components', from: ['./src/pages', './src/packages'], message: 'shared components never import a page.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'src/test/**', 'scripts/**', 'e2e/**', 'server/test/**'],
    rules: {
      'no-restricted-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' } },
  },
)
