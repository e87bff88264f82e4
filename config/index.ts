import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const buildSetting = (value: string | undefined) => (value === undefined ? 'undefined' : JSON.stringify(value))

// Taro build config. outputRoot is per platform so weapp and H5 builds never overwrite each other
// and project.config.json can open dist/weapp directly.
export default defineConfig<'webpack5'>(async (merge) => {
  const taroEnv = process.env.TARO_ENV ?? 'weapp'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'quhuitong',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    defineConstants: {},
    // TARO_APP_* (types/global.d.ts) from the shell, not only from .env files as Taro reads them: a
    // reference left as `process.env.TARO_APP_X` in the bundle crashes H5, which has no `process`.
    // Unset stays `undefined`, so the app's own defaults apply.
    env: {
      TARO_APP_API_BASE: buildSetting(process.env.TARO_APP_API_BASE),
      TARO_APP_DEV_LOGIN: buildSetting(process.env.TARO_APP_DEV_LOGIN),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Moves modules used only by subpackages out of the main package (WECHAT.md, size).
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        // Taro's default splitChunks copies shared component code into every lazy page chunk;
        // one shared chunk for the component runtime keeps each page chunk small (TOOLCHAIN.md).
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            taroComponents: {
              test: /[\\/]node_modules[\\/]@tarojs[\\/](components|components-react)[\\/]/,
              name: 'taro-components',
              priority: 20,
              reuseExistingChunk: true,
            },
            // Libraries that only some pages need (zod for the schemas of rule sets and events, the
            // voucher QR code) load with those pages instead of in the vendors every page waits
            // for: ~34 KB gzipped off the first load of 首页 (npm run bench:h5).
            pageLibraries: {
              test: /[\\/]node_modules[\\/](zod|qrcode-generator)[\\/]/,
              chunks: 'async',
              priority: 15,
              reuseExistingChunk: true,
            },
            vendors: {
              test: /[\\/]node_modules[\\/]/,
              name: 'vendors',
              priority: 10,
              reuseExistingChunk: true,
            },
          },
        })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
