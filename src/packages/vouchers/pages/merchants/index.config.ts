import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '适用商户',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('vouchers-merchants'),
})
