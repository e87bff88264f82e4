import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '汽车以旧换新',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('subsidy-car'),
})
