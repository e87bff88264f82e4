// Jest's stand-in for '@tarojs/components': the React build used by H5. View first — several of
// its modules import { View } back from '@tarojs/components' (a CommonJS cycle otherwise).
export { View } from '@tarojs/components-react'
export * from '@tarojs/components-react'
