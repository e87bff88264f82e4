export default definePageConfig({
  navigationBarTitleText: '适用商户',
})
