export default definePageConfig({
  navigationBarTitleText: '活动目标进度',
})
