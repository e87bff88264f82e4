export default definePageConfig({
  navigationBarTitleText: '用哪张最划算',
})
