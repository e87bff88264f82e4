import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // Source maps would double what a phone downloads; errors are reported with stack names only.
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
