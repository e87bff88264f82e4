export default definePageConfig({
  navigationBarTitleText: '汽车以旧换新',
})
