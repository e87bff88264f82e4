/**
 * 我的数据与注销 (issue 16, 个人信息保护法 arts. 45 and 47): 导出我的数据 gives the resident
 * everything the server keeps about their account; 注销账号 deletes the account and its data after
 * an inline, spelled-out confirmation. What is kept, why and how long: docs/PRIVACY.md.
 */
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ErrorLine } from '@/components/error-line'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { useBusyAction } from '@/components/use-busy-action'
import { navigate } from '@/services/navigation'
import { deleteMyAccount, exportMyData } from '@/packages/account/store/my-data'
import { ensureLogin } from '@/store/auth'
import { useSessionStore } from '@/store/session'
import '@/packages/account/account.scss'

const DELETED = ['账号和昵称、所在区县', '登录记录', '提醒、微信订阅和提醒发送记录']
const KEPT = ['领过的消费券和核销记录：去掉您的信息后保留，用于财政结算；注销后这些券不能再使用']

export default function MyDataPage() {
  const session = useSessionStore((state) => state.session)
  const { busyWith: busy, error, run: runAction } = useBusyAction<'export' | 'delete' | 'login'>()
  const [message, setMessage] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [deleted, setDeleted] = useState(false)

  const run = (what: 'export' | 'delete' | 'login', action: () => Promise<void>) => {
    setMessage('')
    return runAction(action, what)
  }

  const exportMine = () =>
    run('export', async () => {
      setMessage(await exportMyData())
    })

  const deleteMine = () =>
    run('delete', async () => {
      await deleteMyAccount()
      setConfirming(false)
      setDeleted(true)
    })

  if (deleted) {
    return (
      <PageShell label='我的数据与注销'>
        <View className='card' role='status'>
          <View className='title my-data__done'>✓ 账号已注销</View>
          <View>您的账号和个人数据已删除。以后再登录会是一个新的账号。</View>
          <Pressable className='button button--secondary' role='link' onPress={() => navigate('mine')}>
            返回我的
          </Pressable>
        </View>
      </PageShell>
    )
  }

  if (!session) {
    return (
      <PageShell label='我的数据与注销'>
        <View className='card'>
          <View className='title'>未登录</View>
          <View className='caption'>未登录时，本应用没有在服务器上保存您的个人数据。登录后可以导出或注销账号。</View>
          <Pressable className='button' disabled={busy !== null} onPress={() => void run('login', async () => void (await ensureLogin()))}>
            {busy === 'login' ? '正在登录…' : '登录'}
          </Pressable>
          <ErrorLine message={error} />
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell label='我的数据与注销'>
      <View className='card' role='region' aria-label='导出我的数据'>
        <View className='title'>导出我的数据</View>
        <View className='caption'>包括账号信息、登录记录、领过的消费券和核销记录、提醒和发送记录。</View>
        <Pressable className='button button--secondary' disabled={busy !== null} onPress={() => void exportMine()}>
          {busy === 'export' ? '正在导出…' : '导出我的数据'}
        </Pressable>
        {message ? (
          <View className='caption' role='status'>
            ✓ {message}
          </View>
        ) : null}
      </View>

      <View className='card' role='region' aria-label='注销账号'>
        <View className='title'>注销账号</View>
        <View className='my-data__list'>
          <View>将删除：</View>
          {DELETED.map((item) => (
            <View key={item}>· {item}</View>
          ))}
          <View>将保留：</View>
          {KEPT.map((item) => (
            <View key={item}>· {item}</View>
          ))}
        </View>
        {confirming ? (
          <View className='my-data__confirm' role='alertdialog' aria-label='确认注销账号'>
            <View className='title'>确定要注销账号吗？</View>
            <View>注销后不能恢复，没用完的消费券也将作废。</View>
            <View className='my-data__actions'>
              <Pressable className='button button--danger' disabled={busy !== null} onPress={() => void deleteMine()}>
                {busy === 'delete' ? '正在注销…' : '确认注销'}
              </Pressable>
              <Pressable className='button button--secondary' disabled={busy !== null} onPress={() => setConfirming(false)}>
                再想想
              </Pressable>
            </View>
          </View>
        ) : (
          <Pressable className='button button--secondary' onPress={() => setConfirming(true)}>
            注销账号
          </Pressable>
        )}
      </View>
      <ErrorLine message={error} />
    </PageShell>
  )
}
