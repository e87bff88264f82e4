import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '我的车',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('etc-car'),
})
