import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '搜索',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('search'),
})
