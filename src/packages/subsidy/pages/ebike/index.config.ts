export default definePageConfig({
  navigationBarTitleText: '电动自行车补贴计算',
})
