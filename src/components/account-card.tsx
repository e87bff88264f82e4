import { View } from '@tarojs/components'
import { auth } from '../store/auth'
import { navigate } from '../services/navigation'
import { canSwitchDevAccount, devAccounts } from '../services/platform/login'
import { useSessionStore } from '../store/session'
import { Pressable } from './pressable'
import { useBusyAction } from './use-busy-action'
import { ErrorLine } from './error-line'
import './account-card.scss'

const ROLE_WORDS = { resident: '居民账号', merchant: '商户账号', operator: '运营账号' } as const

/**
 * 我的 → 账号: who is signed in, and the way to 我的券包 — or, for a merchant account, to 商户核销.
 * Signing in is offered, never required: everything anonymous works without it.
 */
export function AccountCard() {
  const session = useSessionStore((state) => state.session)
  const { busy, error, run } = useBusyAction()

  return (
    <View className='card' role='region' aria-label='账号'>
      <View className='title'>账号</View>
      {session ? (
        <View>
          {session.displayName}（{ROLE_WORDS[session.role]}）
        </View>
      ) : (
        <View className='caption'>未登录。领消费券、打开券包时会自动登录，其余功能不用登录。</View>
      )}
      <View className='row'>
        {session?.role === 'merchant' ? (
          <Pressable className='button' role='link' onPress={() => navigate('vouchers-merchant-desk')}>
            商户核销
          </Pressable>
        ) : (
          <Pressable className='button button--secondary' role='link' onPress={() => navigate('vouchers-wallet')}>
            我的券包
          </Pressable>
        )}
        {session ? (
          <Pressable className='button button--secondary' disabled={busy} onPress={() => void run(auth.signOut)}>
            退出登录
          </Pressable>
        ) : (
          <Pressable className='button button--secondary' disabled={busy} onPress={() => void run(auth.ensureLogin)}>
            {busy ? '正在登录…' : '登录'}
          </Pressable>
        )}
      </View>
      {canSwitchDevAccount() ? (
        <View className='account-card__dev'>
          {devAccounts()
            .filter((account) => account.name !== session?.displayName)
            .map((account) => (
              <Pressable
                key={account.name}
                className='button button--secondary'
                disabled={busy}
                onPress={() => void run(() => auth.signInAs(account.name))}
              >
                切换为{account.title}（开发）
              </Pressable>
            ))}
        </View>
      ) : null}
      <ErrorLine message={error} />
    </View>
  )
}
