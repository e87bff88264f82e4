export default definePageConfig({
  navigationBarTitleText: '活动详情',
  // Taro's useShareAppMessage works only with this switch on (WECHAT.md, share).
  enableShareAppMessage: true,
})
