import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '家电补贴计算',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('subsidy-appliance'),
})
