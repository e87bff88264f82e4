export default definePageConfig({
  navigationBarTitleText: '数码产品补贴计算',
})
