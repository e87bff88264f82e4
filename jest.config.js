// Plain jest for Taro (TOOLCHAIN.md, "Jest with Taro"): map Taro to its H5 builds through small
// shims, let its ESM through babel, and define the build-time ENABLE_* globals.
const esmPackages = [
  '@tarojs',
  '@stencil',
  'swiper',
  'classnames',
  'tslib',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'history',
  'mobile-detect',
  'nanoid',
  'style-inject',
  // taro-h5 ships some dependencies bundled under its own node_modules/.pnpm tree.
  '\\.pnpm',
]

module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx', '<rootDir>/scripts/**/*.test.ts'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/src/test/taro-shim.ts',
    '^@tarojs/components$': '<rootDir>/src/test/components-shim.ts',
    '^lodash-es$': 'lodash',
    '^lodash-es/(.*)$': 'lodash/$1',
    '\\.(css|scss|sass)$': '<rootDir>/src/test/style-stub.js',
    '\\.(png|jpg|jpeg|gif|svg)$': '<rootDir>/src/test/file-stub.js',
    // The `@/` alias of tsconfig.json and config/index.ts: src/ from anywhere (after the stubs, so
    // `@/x.scss` is still a style stub).
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFiles: ['<rootDir>/src/test/setup-env.js'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup-dom.ts'],
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
}
