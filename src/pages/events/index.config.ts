import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '活动',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('events'),
})
