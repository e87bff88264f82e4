export default definePageConfig({
  navigationBarTitleText: '家装补贴计算',
})
