import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '电动自行车补贴计算',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('subsidy-ebike'),
})
