import { View } from '@tarojs/components'
import { ClauseCard } from '../../components/clause-card'
import { ElderModeSwitch } from '../../components/elder-mode-switch'
import { PageShell } from '../../components/page-shell'

export default function MinePage() {
  return (
    <PageShell label='我的'>
      <View className='card'>
        <ElderModeSwitch />
      </View>
      <ClauseCard id='二十六' showText />
    </PageShell>
  )
}
