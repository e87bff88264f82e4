import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '活动详情',
  // Taro's share hooks work only with these switches on (WECHAT.md, share); src/routes.ts decides.
  ...shareConfig('event-detail'),
})
