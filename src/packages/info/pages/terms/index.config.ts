import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '用户协议',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('info-terms'),
})
