export default definePageConfig({
  navigationBarTitleText: '家电补贴计算',
})
