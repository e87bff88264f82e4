// Jest's stand-in for '@tarojs/components': the React build used by H5. View comes first and
// straight from its own module — several components-react modules import { View } back from
// '@tarojs/components', which would otherwise be a half-loaded CommonJS cycle.
export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
export * from '@tarojs/components-react'
