import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '以旧换新补贴',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('subsidy'),
})
