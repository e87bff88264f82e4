import type { UserConfigExport } from '@tarojs/cli'
import type { IMiniAppConfig } from '@tarojs/taro/types/compile'

// Taro writes every Chinese character in mini-program JS as a 6-byte \uXXXX escape (ascii_only);
// WeChat reads JS as UTF-8, where it is 3 bytes. This app is mostly Chinese text, so plain UTF-8
// keeps ~15 KB out of the 500 KB main-package budget. Terser still escapes U+2028/U+2029, the
// only characters unsafe in a JS string. Only the mini-program build: Taro's runner reads
// `terser` from the platform config it builds (its types declare it at the project level only,
// where it would also change the H5 bundle).
const miniProgramTerser = { terser: { enable: true, config: { output: { ascii_only: false } } } } as IMiniAppConfig<'webpack5'>

export default {
  mini: miniProgramTerser,
  h5: {
    // Source maps would double what a phone downloads; errors are reported with stack names only.
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
