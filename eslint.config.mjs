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
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
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
