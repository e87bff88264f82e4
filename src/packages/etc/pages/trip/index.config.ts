export default definePageConfig({
  navigationBarTitleText: '行程查询',
})
