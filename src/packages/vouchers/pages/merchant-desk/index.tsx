import { Input, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { formatShanghai } from '@/domain/time'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import { formatYuan } from '@/domain/money'
import type { Redemption } from '@/domain/vouchers/schema'
import { auth } from '@/store/auth'
import { userMessage } from '@/services/api/errors'
import { canSwitchDevAccount } from '@/services/platform/login'
import { canScanWithCamera, scanCode } from '@/services/platform/scan'
import { useSessionStore } from '@/store/session'
import { YuanField, readYuan } from '@/components/yuan-field'
import { redemptionStateText, refundPromptText } from '@/packages/vouchers/merchant-messages'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import { useMerchantDeskStore, useTodayRedemptions, type RedeemResult } from '@/packages/vouchers/store/merchant-desk'
import { ErrorLine } from '@/components/error-line'
import { ShowMore } from '@/packages/vouchers/components/show-more'
import '@/packages/vouchers/vouchers.scss'

export const REDEMPTIONS_PAGE_SIZE = 20
const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/

function RedeemResultView({ result }: { result: RedeemResult | null }) {
  if (!result) return <View role='status' aria-live='polite' />
  if (result.kind === 'ok') {
    const { redemption, voucher } = result.answer
    return (
      <View className='desk-result desk-result--ok' role='status' aria-live='polite'>
        <View className='title'>
          ✓ 核销成功：优惠 {formatYuan(redemption.discountFen)}，顾客实付 {formatYuan(result.orderAmountFen - redemption.discountFen)}
        </View>
        <View>券：{voucher.batch.title}</View>
        <View className='caption'>订单号 {redemption.orderId}</View>
      </View>
    )
  }
  if (result.kind === 'refused') {
    return (
      <View className='desk-result desk-result--refused' role='status' aria-live='polite'>
        <View className='title'>✗ 不能核销：{result.headline}</View>
        <View>{result.detail}</View>
      </View>
    )
  }
  return (
    <View className='desk-result desk-result--warning' role='status' aria-live='polite'>
      ⚠ {result.detail}
    </View>
  )
}

function RedemptionRow({ redemption }: { redemption: Redemption }) {
  const [confirming, setConfirming] = useState<boolean | null>(null)
  const refunding = useMerchantDeskStore((state) => state.refunding[redemption.id] === true)
  const result = useMerchantDeskStore((state) => state.refundResults[redemption.id])
  const refund = useMerchantDeskStore((state) => state.refund)
  const policy = useBatchLookupStore((state) => state.byId[redemption.batchId]?.refund ?? null)
  const redeemedAt = tryParseIsoInstant(redemption.redeemedAt)
  const kind = confirming ? '全额退款' : '部分退款'
  return (
    <View className='desk-redemption' role='listitem'>
      <View className='row'>
        <View>
          <View className='desk-redemption__amount'>
            订单 {formatYuan(redemption.orderAmountFen)} · 优惠 {formatYuan(redemption.discountFen)}
          </View>
          <View className='caption'>
            {redeemedAt === null ? '' : formatShanghai(redeemedAt, 'HH:mm')} · 订单号 {redemption.orderId}
          </View>
        </View>
        <View className='desk-redemption__state'>{redemptionStateText(redemption, policy)}</View>
      </View>
      {redemption.refund === null && confirming === null ? (
        <View className='row'>
          <Pressable className='button button--secondary' label={`为订单 ${redemption.orderId} 全额退款`} onPress={() => setConfirming(true)}>
            全额退款
          </Pressable>
          <Pressable className='button button--secondary' label={`为订单 ${redemption.orderId} 部分退款`} onPress={() => setConfirming(false)}>
            部分退款
          </Pressable>
        </View>
      ) : null}
      {confirming !== null && redemption.refund === null ? (
        <View className='desk-confirm' role='group' aria-label={`确认${kind}`}>
          <View>
            确认为订单 {redemption.orderId} 办理{kind}？
            {refundPromptText(confirming, policy)}
          </View>
          <View className='row'>
            <Pressable
              className={`button ${refunding ? 'button--disabled' : ''}`}
              disabled={refunding}
              label={`确认${kind}：订单 ${redemption.orderId}`}
              onPress={() => void refund(redemption.id, confirming)}
            >
              {refunding ? '正在退款…' : `确认${kind}`}
            </Pressable>
            <Pressable className='button button--secondary' disabled={refunding} onPress={() => setConfirming(null)}>
              取消
            </Pressable>
          </View>
        </View>
      ) : null}
      {result ? (
        <View className={`desk-refund-result desk-refund-result--${result.kind}`} role='status' aria-live='polite'>
          {result.kind === 'interrupted' ? `⚠ ${result.text}` : result.text}
        </View>
      ) : null}
    </View>
  )
}

/**
 * 商户核销 (merchant accounts): scan the resident's code (camera on weapp, paste on H5), enter the
 * order amount, confirm, read the result in words; then today's redemptions with full or partial
 * refunds and what each does to the resident's voucher.
 */
export default function MerchantDeskPage() {
  const session = useSessionStore((state) => state.session)
  const orderId = useMerchantDeskStore((state) => state.orderId)
  const setOrderId = useMerchantDeskStore((state) => state.setOrderId)
  const redeeming = useMerchantDeskStore((state) => state.redeeming)
  const result = useMerchantDeskStore((state) => state.result)
  const pendingAttempt = useMerchantDeskStore((state) => state.attempt !== null)
  const redeem = useMerchantDeskStore((state) => state.redeem)
  const [code, setCode] = useState('')
  const [amountText, setAmountText] = useState('')
  const [scanMessage, setScanMessage] = useState<string | null>(null)
  const [loginError, setLoginError] = useState<string | null>(null)
  const [shown, setShown] = useState(REDEMPTIONS_PAGE_SIZE)
  const isMerchant = session?.role === 'merchant'
  const { data: redemptions, loading: listLoading, error: listError, reload: loadToday } = useTodayRedemptions(isMerchant)
  // Each redemption's batch, for what a refund does to the voucher under that batch's refund rule.
  const ensureBatches = useBatchLookupStore((state) => state.ensure)
  const batchIds = (redemptions ?? []).map((redemption) => redemption.batchId).join(',')
  useEffect(() => {
    if (batchIds !== '') void ensureBatches(batchIds.split(','))
  }, [batchIds, ensureBatches])
  useEffect(() => {
    if (result?.kind === 'ok') {
      setCode('')
      setAmountText('')
    }
  }, [result])

  const signIn = async (devName?: string) => {
    setLoginError(null)
    try {
      await (devName ? auth.signInAs(devName) : auth.ensureLogin())
    } catch (error) {
      setLoginError(userMessage(error))
    }
  }

  if (!isMerchant) {
    return (
      <PageShell label='商户核销'>
        <View className='card'>
          <View className='title'>商户核销</View>
          <View>{session ? `当前账号（${session.displayName}）不是商户账号。请用店里绑定的微信登录，或请运营人员绑定。` : '请先登录店里绑定的商户账号。'}</View>
          {!session ? (
            <Pressable className='button' onPress={() => void signIn()}>
              登录
            </Pressable>
          ) : null}
          {canSwitchDevAccount() ? (
            <Pressable className='button button--secondary' onPress={() => void signIn('示例商户-1')}>
              以示例商户登录（开发）
            </Pressable>
          ) : null}
          <ErrorLine message={loginError} />
        </View>
      </PageShell>
    )
  }

  const amount = readYuan(amountText)
  const trimmedCode = code.trim()
  const orderIdValid = ORDER_ID.test(orderId.trim())
  const ready = trimmedCode !== '' && amount.fen !== null && orderIdValid && !redeeming
  const retry = pendingAttempt && result?.kind === 'interrupted'
  const scan = async () => {
    setScanMessage(null)
    const scanned = await scanCode()
    if (scanned.ok) setCode(scanned.text)
    else setScanMessage(scanned.message)
  }
  const list = redemptions ?? []

  return (
    <PageShell label='商户核销'>
      <View className='card' role='region' aria-label='核销消费券'>
        <View className='title'>核销消费券</View>
        <View className='caption'>{session.displayName}</View>
        {canScanWithCamera ? (
          <Pressable className='button' onPress={() => void scan()}>
            扫顾客券码
          </Pressable>
        ) : null}
        {scanMessage ? <View className='caption'>{scanMessage}</View> : null}
        <View className='voucher-field'>
          <View className='voucher-field__label'>券码</View>
          <Input
            className='voucher-field__input voucher-field__input--wide'
            value={code}
            placeholder={canScanWithCamera ? '扫码后自动填入，也可粘贴' : '粘贴顾客券包里“显示券码文字”的内容'}
            maxlength={256}
            aria-label='券码'
            onInput={(event) => setCode(event.detail.value)}
          />
        </View>
        <YuanField label='订单金额' value={amountText} onChange={setAmountText} hint='顾客这笔消费的原价（用券前）' />
        <View className='voucher-field'>
          <View className='voucher-field__label'>订单号</View>
          <Input
            className='voucher-field__input voucher-field__input--wide'
            value={orderId}
            placeholder='订单号，例如收银小票上的单号'
            maxlength={64}
            aria-label='订单号'
            aria-invalid={orderIdValid ? undefined : true}
            onInput={(event) => setOrderId(event.detail.value)}
          />
          {orderIdValid ? (
            <View className='caption'>已自动生成；也可以改成收银系统的单号。同一个订单号只会核销一次。</View>
          ) : (
            <View className='error-text' role='alert'>
              ✗ 订单号只能用字母、数字、- 和 _，最多 64 个字符
            </View>
          )}
        </View>
        <Pressable
          className={`button ${ready ? '' : 'button--disabled'}`}
          disabled={!ready}
          label={redeeming ? '正在核销' : retry ? '重新提交核销' : '确认核销'}
          onPress={() => amount.fen !== null && void redeem(trimmedCode, amount.fen)}
        >
          {redeeming ? '正在核销…' : retry ? '重新提交' : amount.fen ? `确认核销（订单 ${formatYuan(amount.fen)}）` : '确认核销'}
        </Pressable>
        <RedeemResultView result={result} />
      </View>

      <View className='card' role='region' aria-label='今日核销'>
        <View className='row'>
          <View className='title'>今日核销（{list.length} 笔）</View>
          <Pressable className='button button--secondary' label='刷新今日核销' disabled={listLoading} onPress={() => void loadToday()}>
            {listLoading ? '刷新中…' : '刷新'}
          </Pressable>
        </View>
        <ErrorLine message={listError} />
        {redemptions && list.length === 0 ? <View className='caption'>今天还没有核销。</View> : null}
        <View role='list' aria-label='今日核销记录'>
          {list.slice(0, shown).map((redemption) => (
            <RedemptionRow key={redemption.id} redemption={redemption} />
          ))}
        </View>
        <ShowMore hidden={list.length - shown} unit='笔' onPress={() => setShown(shown + REDEMPTIONS_PAGE_SIZE)} />
      </View>
    </PageShell>
  )
}
