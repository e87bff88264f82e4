import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '活动目标进度',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('event-progress'),
})
