export default definePageConfig({
  navigationBarTitleText: '关于衢惠通',
})
