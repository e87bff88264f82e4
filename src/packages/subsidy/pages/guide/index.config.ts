import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '怎么申请',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('subsidy-guide'),
})
