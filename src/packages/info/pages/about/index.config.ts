import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '关于衢惠通',
  // 转发 / 朋友圈 switches from the route registry (src/routes.ts).
  ...shareConfig('info-about'),
})
