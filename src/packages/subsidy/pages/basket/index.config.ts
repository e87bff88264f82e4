export default definePageConfig({
  navigationBarTitleText: '购物清单',
})
