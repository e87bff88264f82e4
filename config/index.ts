import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { version as packageVersion } from '../package.json'
import { DEV_LOOPBACK_API_BASE, isReleaseBuild, resolveApiBase } from '../scripts/lib/weapp-release.cjs'

const buildSetting = (value: string | undefined) => (value === undefined ? 'undefined' : JSON.stringify(value))

// Taro build config. outputRoot is per platform so weapp and H5 builds never overwrite each other
// and project.config.json can open dist/weapp directly.
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const taroEnv = process.env.TARO_ENV ?? 'weapp'
  // A release (`--mode release` or RELEASE=1) must name the https API origin that is listed as a
  // request 合法域名; resolveApiBase throws with the reason otherwise, which stops the build.
  const release = isReleaseBuild({ mode })
  const apiBase = resolveApiBase({ platform: taroEnv, release, configured: process.env.TARO_APP_API_BASE })
  if (taroEnv === 'weapp' && !release && process.env.TARO_APP_API_BASE === undefined) {
    console.warn(`[衢惠通] 开发构建：TARO_APP_API_BASE 未设置，小程序请求发往 ${DEV_LOOPBACK_API_BASE}（只有开发者工具勾选“不校验合法域名”时可用）。发布请用 npm run build:weapp:release。`)
  }
  if (release && process.env.TARO_APP_DEV_LOGIN === 'true') {
    throw new Error('发布构建已停止 (release build stopped): TARO_APP_DEV_LOGIN=true 只用于演示，发布版不能带开发登录')
  }
  if (release) console.info(`[衢惠通] 发布构建：API ${apiBase}`)
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'quhuitong',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // `@/x` is src/x (tsconfig.json paths; jest.config.js and eslint follow the same alias).
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    defineConstants: {},
    // TARO_APP_* (types/global.d.ts) from the shell, not only from .env files as Taro reads them: a
    // reference left as `process.env.TARO_APP_X` in the bundle crashes H5, which has no `process`.
    // The API base is resolved above (a development weapp build gets the loopback default, said in
    // the warning); unset on H5 stays `undefined`, so the page's own origin is used.
    env: {
      TARO_APP_API_BASE: buildSetting(apiBase),
      TARO_APP_DEV_LOGIN: buildSetting(process.env.TARO_APP_DEV_LOGIN),
      // 关于 shows the version, and whether this is a release build.
      TARO_APP_VERSION: JSON.stringify(packageVersion),
      TARO_APP_RELEASE: buildSetting(release ? 'true' : undefined),
    },
    // sitemap.json (app.config.ts sitemapLocation) is a mini-program file; H5 has no use for it.
    // The stations map's marker icon too: WeChat's <map> reads it by path.
    copy: {
      patterns:
        taroEnv === 'weapp'
          ? [
              { from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' },
              { from: 'src/assets/map/station-marker.png', to: 'dist/weapp/assets/map/station-marker.png' },
            ]
          : [],
      options: {},
    },
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
            // voucher QR code and the HMAC of its offline code) load with those pages instead of in the vendors every page waits
            // for: ~34 KB gzipped off the first load of 首页 (npm run bench:h5).
            pageLibraries: {
              test: /[\\/]node_modules[\\/](zod|qrcode-generator|@noble[\\/]hashes)[\\/]/,
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
