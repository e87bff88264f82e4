export default definePageConfig({
  navigationBarTitleText: '以旧换新补贴',
})
