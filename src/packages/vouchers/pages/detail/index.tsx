import { Text, View } from '@tarojs/components'
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import { PageShell } from '@/components/page-shell'
import { RemindMe } from '@/components/remind-me'
import { Pressable } from '@/components/pressable'
import { formatShanghai } from '@/domain/time'
import { describeVoucherRule } from '@/domain/vouchers/applicability'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import { countyNames } from '@/domain/vouchers/places'
import { describeBatchRules } from '@/domain/vouchers/rules-text'
import { voucherTimeState } from '@/domain/vouchers/validity'
import { isApiError, userMessage } from '@/services/api/errors'
import { SHAPES } from '@/domain/contract/shapes.generated'
import { voucherApi, type WalletVoucherView } from '@/services/api/vouchers'
import { navigate } from '@/services/navigation'
import { routeParam } from '@/services/route-param'
import { ensureLogin } from '@/store/auth'
import { loadResource } from '@/store/resource'
import { QrCode } from '@/packages/vouchers/components/qr-code'
import { voucherDateLine } from '@/packages/vouchers/components/voucher-item'
import { WalletStatusBadge } from '@/packages/vouchers/components/wallet-status'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import { holdScreenForCode } from '@/services/platform/screen'
import { useOfflineKeysStore } from '@/packages/vouchers/store/offline-keys'
import { useTillCode } from '@/packages/vouchers/use-till-code'
import '@/packages/vouchers/vouchers.scss'

function when(iso: string): string {
  const ms = tryParseIsoInstant(iso)
  return ms === null ? iso : formatShanghai(ms, 'YYYY年M月D日 HH:mm')
}

function QrSection({ voucherId, userId }: { voucherId: string; userId: string }) {
  const code = useTillCode(voucherId, userId, true)
  const [showText, setShowText] = useState(false)
  const [screenshotTaken, setScreenshotTaken] = useState(false)
  const [pageShown, setPageShown] = useState(true)
  useDidShow(() => setPageShown(true))
  useDidHide(() => setPageShown(false))
  const codeOnScreen = pageShown && code.token !== null
  // Bright, awake screen while the code is on it; restored when it leaves (page hidden or closed).
  useEffect(() => {
    if (!codeOnScreen) return
    const hold = holdScreenForCode(() => setScreenshotTaken(true))
    return () => hold.release()
  }, [codeOnScreen])
  return (
    <View className='card voucher-code' role='region' aria-label='付款时出示的券码'>
      <View className='title'>付款时出示给收银员扫码</View>
      <View className='voucher-code__note' role='note'>
        ⟳ 每 30 秒自动更换，截图无效；没有网络也能出示
      </View>
      {screenshotTaken ? (
        <View className='voucher-code__notice' role='alert'>
          ⚠ 截图里的券码 30 秒后就失效了，付款时请打开这个页面出示
        </View>
      ) : null}
      {code.token ? (
        <QrCode text={code.token} label='消费券二维码，请出示给收银员扫描' />
      ) : (
        <View className='voucher-code__placeholder' role='status'>
          {code.phase === 'not-usable'
            ? `✗ ${code.message ?? '这张券现在不能使用'}`
            : code.phase === 'no-key'
              ? '⚠ 第一次出示券码需要联网，连上网络后会自动生成（之后没有网络也能出示）'
              : '正在生成券码…'}
        </View>
      )}
      {code.phase === 'no-key' && code.message ? (
        <View className='error-text' role='alert'>
          ✗ {code.message}（会自动重试）
        </View>
      ) : null}
      {code.clockOffBySeconds !== null ? (
        <View className='error-text' role='alert'>
          ⚠ 手机时间与北京时间相差约 {Math.abs(code.clockOffBySeconds)} 秒，收银台可能扫不通：请在手机设置里把时间设为自动
        </View>
      ) : null}
      {code.token ? (
        <>
          <Pressable className='link voucher-inline-link' onPress={() => setShowText(!showText)}>
            {showText ? '收起券码文字' : '扫不出来？显示券码文字'}
          </Pressable>
          {showText ? (
            <Text className='voucher-code__text' selectable userSelect>
              {code.token}
            </Text>
          ) : null}
        </>
      ) : null}
    </View>
  )
}

/** Why the voucher could not be shown, and so what the person can do next. */
type LoadProblem = { kind: 'not-found' } | { kind: 'sign-in'; message: string } | { kind: 'failed'; message: string }

function problemOf(error: unknown, whileSigningIn: boolean): LoadProblem {
  if (whileSigningIn || (isApiError(error) && error.status === 401)) return { kind: 'sign-in', message: userMessage(error) }
  // The server answers 404 for an unknown id and for someone else's voucher alike.
  if (isApiError(error) && error.status === 404) return { kind: 'not-found' }
  return { kind: 'failed', message: userMessage(error) }
}

function WalletLink({ primary = false }: { primary?: boolean }) {
  return (
    <Pressable className={primary ? 'button' : 'button button--secondary'} role='link' onPress={() => navigate('vouchers-wallet')}>
      打开我的券包
    </Pressable>
  )
}

function ProblemCard({ title, children, actions }: { title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <View className='card'>
      <View className='title' role='heading' aria-level={2}>
        {title}
      </View>
      {children}
      <View className='voucher-problem__actions'>{actions}</View>
    </View>
  )
}

/** What the page says instead of a voucher: never a bare line, always the way on. */
function VoucherProblem({ problem, onRetry }: { problem: LoadProblem; onRetry: () => void }) {
  if (problem.kind === 'not-found') {
    const actions = (
      <>
        <WalletLink primary />
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('vouchers')}>
          去领消费券
        </Pressable>
      </>
    )
    return (
      <ProblemCard title='✗ 找不到这张券' actions={actions}>
        <View>你的券包里没有这张券：链接可能不完整，或者这张券领在另一个微信账号里。</View>
      </ProblemCard>
    )
  }
  const signIn = problem.kind === 'sign-in'
  const actions = (
    <>
      <Pressable className='button' onPress={onRetry}>
        {signIn ? '登录' : '重试'}
      </Pressable>
      <WalletLink />
    </>
  )
  return signIn ? (
    <ProblemCard title='请先登录后查看' actions={actions}>
      <View>券详情和付款用的券码只给领券的人看，登录后就能打开。</View>
      <View className='caption' role='status'>
        {problem.message}
      </View>
    </ProblemCard>
  ) : (
    <ProblemCard title='暂时打不开这张券' actions={actions}>
      <View className='error-text' role='alert'>
        ✗ {problem.message}
      </View>
    </ProblemCard>
  )
}

/** 券详情: the QR code to show at the till (while usable), the rules, validity and where to use it. */
export default function VoucherDetailPage() {
  const { params } = useRouter()
  const voucherId = routeParam(params, 'id') ?? ''
  const [voucher, setVoucher] = useState<WalletVoucherView | null>(null)
  const [userId, setUserId] = useState<string | null>(null)
  const [fromCache, setFromCache] = useState(false)
  const [problem, setProblem] = useState<LoadProblem | null>(null)
  // Bumped by 登录 / 重试 to load again.
  const [attempt, setAttempt] = useState(0)
  const batch = useBatchLookupStore((state) => (voucher ? state.byId[voucher.batchId] : undefined))
  const ensureBatches = useBatchLookupStore((state) => state.ensure)

  useEffect(() => {
    let cancelled = false
    const load = async () => {
      // No id: nothing to ask the server for (and GET …/me/vouchers/ would be the whole wallet).
      if (!voucherId) {
        setProblem({ kind: 'not-found' })
        return
      }
      let signedIn = false
      try {
        const session = await ensureLogin()
        signedIn = true
        // Kept per account, so at a till with no signal the page (and its code) still opens.
        const { data, source, error, failure } = await loadResource(
          `vouchers:mine:${session.userId}:${voucherId}`,
          () => voucherApi.getMyVoucher(voucherId, session.userId),
          { stored: true, shape: SHAPES.walletVoucherView, force: true },
        )
        if (error || !data) throw failure
        if (cancelled) return
        setUserId(session.userId)
        setVoucher(data)
        setFromCache(source === 'cache')
        if (data.displayStatus !== 'usable' && data.displayStatus !== 'returned-after-refund') useOfflineKeysStore.getState().forget(data.id)
        void ensureBatches([data.batchId])
      } catch (loadError) {
        if (!cancelled) setProblem(problemOf(loadError, !signedIn))
      }
    }
    void load()
    return () => {
      cancelled = true
    }
  }, [voucherId, ensureBatches, attempt])

  if (!voucher) {
    return (
      <PageShell label='券详情'>
        {problem ? (
          <VoucherProblem
            problem={problem}
            onRetry={() => {
              setProblem(null)
              setAttempt((count) => count + 1)
            }}
          />
        ) : (
          <View className='card caption' role='status'>
            正在打开这张券…
          </View>
        )}
      </PageShell>
    )
  }

  const spendable = voucher.displayStatus === 'usable' || voucher.displayStatus === 'returned-after-refund'
  const time = voucherTimeState(voucher, Date.now())
  const rules = batch ? describeBatchRules(batch) : null
  return (
    <PageShell label='券详情'>
      <View className='card'>
        <View className='voucher-item__head'>
          <View className='amount'>{describeVoucherRule(voucher.batch)}</View>
          <WalletStatusBadge status={voucher.displayStatus} />
        </View>
        <View className='title'>{voucher.batch.title}</View>
        <View>{voucherDateLine(voucher)}</View>
        <View className='caption'>
          有效期：{when(voucher.validFrom)} 至 {when(voucher.validTo)}
        </View>
        <View className='caption'>
          适用：{countyNames(voucher.batch.counties)}
          {voucher.batch.oneVoucherPerTransaction ? '，每笔订单限用一张' : ''}
        </View>
      </View>

      {fromCache ? (
        <View className='card caption' role='status'>
          ○ 现在没有网络：显示的是上次联网时的券信息，券码照常可以出示
        </View>
      ) : null}
      {spendable && time === 'valid' && userId ? <QrSection voucherId={voucher.id} userId={userId} /> : null}
      {spendable && time === 'not-yet-valid' ? (
        <View className='card' role='status'>
          ○ 这张券 {when(voucher.validFrom)} 起可以使用，到时这里会出现券码。
        </View>
      ) : null}
      {spendable && time !== 'expired' ? (
        <View className='card' role='region' aria-label='到期提醒'>
          <View className='title'>到期提醒</View>
          <RemindMe
            kind='voucher-expiring'
            subjectId={voucher.id}
            subjectTitle={voucher.batch.title}
            targetMs={tryParseIsoInstant(voucher.validTo)}
            action='到期前提醒我'
          />
        </View>
      ) : null}

      <View className='card' role='region' aria-label='使用规则'>
        <View className='title'>使用规则</View>
        {rules ? (
          rules.map((line) => (
            <View key={line.label} className='rule-line'>
              <View className='rule-line__label'>{line.label}</View>
              <View className='rule-line__value'>{line.value}</View>
            </View>
          ))
        ) : (
          <View className='caption'>正在读取规则…</View>
        )}
        <View className='row voucher-links'>
          <Pressable
            className='button button--secondary'
            role='link'
            onPress={() => navigate('vouchers-merchants', { batchId: voucher.batchId })}
          >
            适用商户
          </Pressable>
          <Pressable className='button button--secondary' role='link' onPress={() => navigate('vouchers-best')}>
            用哪张最划算
          </Pressable>
        </View>
      </View>
    </PageShell>
  )
}
