export default definePageConfig({
  navigationBarTitleText: '我的提醒',
})
