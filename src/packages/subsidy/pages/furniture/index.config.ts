export default definePageConfig({
  navigationBarTitleText: '家居补贴计算',
})
