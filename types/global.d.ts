/// <reference types="@tarojs/taro" />
/// <reference types="@testing-library/jest-dom" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'
declare module '*.sass'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Which platform this build targets (set by Taro at build time). */
    TARO_ENV: 'weapp' | 'h5'
    /** Base URL of the 衢惠通 server, e.g. http://127.0.0.1:8080 (H5) or https://api.example.cn (weapp). */
    TARO_APP_API_BASE?: string
    /** Set to 'true' to let the H5 build sign in with the server's dev login. */
    TARO_APP_DEV_LOGIN?: string
    /** package.json's version, compiled in by config/index.ts (关于). */
    TARO_APP_VERSION?: string
    /** 'true' in a release build (`--mode release` or RELEASE=1). */
    TARO_APP_RELEASE?: string
  }
}

// Used by the jest shim (src/test/components-shim.ts) to break a CommonJS import cycle.
declare module '@tarojs/components-react/dist/components/view/index.js' {
  export { View as default } from '@tarojs/components'
}
