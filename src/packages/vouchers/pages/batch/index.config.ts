import { shareConfig } from '@/routes'

export default definePageConfig({
  navigationBarTitleText: '消费券',
  ...shareConfig('vouchers-batch'),
})
