import { View } from '@tarojs/components'
import { AccountCard } from '@/components/account-card'
import { ClauseCard } from '@/components/clause-card'
import { ElderModeSwitch } from '@/components/elder-mode-switch'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { navigate } from '@/services/navigation'

/** 隐私政策, 用户协议, 关于, 意见反馈: one tap from 我的 on both builds (WECHAT.md, release checklist). */
const HELP_LINKS = [
  ['info-privacy', '隐私政策'],
  ['info-terms', '用户协议'],
  ['info-about', '关于衢惠通'],
  ['info-feedback', '意见反馈'],
] as const

export default function MinePage() {
  return (
    <PageShell label='我的'>
      <View className='card'>
        <ElderModeSwitch />
      </View>
      <AccountCard />
      <Pressable className='card' role='link' label='我的提醒：活动开始、消费券开抢和到期、补贴截止' onPress={() => navigate('my-reminders')}>
        <View className='title'>我的提醒 ›</View>
        <View className='caption'>活动开始、消费券开抢和到期、补贴截止</View>
      </Pressable>
      <View className='card' role='region' aria-label='衢城畅行 ETC'>
        <View className='title'>衢城畅行 ETC</View>
        <View className='caption'>我的车能否免费、行程是否免费、省了多少</View>
        <View className='row'>
          <Pressable className='button button--secondary' role='link' onPress={() => navigate('etc-car')}>
            我的车
          </Pressable>
          <Pressable className='button button--secondary' role='link' onPress={() => navigate('etc-trips')}>
            我的行程
          </Pressable>
        </View>
      </View>
      <Pressable className='card' role='link' label='我的数据与注销：导出我的数据、注销账号' onPress={() => navigate('my-data')}>
        <View className='title'>我的数据与注销 ›</View>
        <View className='caption'>导出我的数据、注销账号</View>
      </Pressable>
      <ClauseCard id='二十六' showText />
      <View className='card' role='region' aria-label='关于与帮助'>
        <View className='title'>关于与帮助</View>
        <View className='row'>
          {HELP_LINKS.map(([key, text]) => (
            <Pressable key={key} className='button button--secondary' role='link' onPress={() => navigate(key)}>
              {text}
            </Pressable>
          ))}
        </View>
      </View>
    </PageShell>
  )
}
