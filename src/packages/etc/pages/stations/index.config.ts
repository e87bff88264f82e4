export default definePageConfig({
  navigationBarTitleText: '站点一览',
})
