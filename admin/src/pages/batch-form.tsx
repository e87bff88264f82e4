/**
 * The batch form: every field of the batch rules (src/domain/vouchers/schema.ts, clause 十五),
 * money in yuan and times as 北京时间 'YYYY-MM-DD HH:mm' text (whatever the desk's time zone),
 * checked by the same parseVoucherBatch the server and the import use, each problem shown at its
 * field. The phone-sized preview renders what residents will read, from the same rule text the app uses.
 */
import { Alert, Button, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd'
import { useMemo } from 'react'
import { formatFen, tryParseYuan } from '../../../src/domain/money'
import { parseDateTime, formatShanghai } from '../../../src/domain/time'
import { MERCHANT_CATEGORIES, VOUCHER_COUNTIES } from '../../../src/domain/vouchers/places'
import { describeBatchRules } from '../../../src/domain/vouchers/rules-text'
import { parseVoucherBatch, REFUND_POLICIES, type ContentError, type VoucherBatch } from '../../../src/domain/vouchers/schema'

export interface BatchFormValues {
  id: string
  title: string
  sponsor: string
  campaign: string
  eventId?: string
  faceValueYuan: string
  thresholdYuan: string
  perRound: number
  perBatch: number
  rounds: { id: string; opensAt: string; closesAt: string; quota: number }[]
  validityKind: 'fixed' | 'days-after-claim'
  validityFrom?: string
  validityTo?: string
  validityDays?: number
  validityNotAfter?: string
  merchantsKind: 'categories' | 'merchants'
  categories?: string[]
  merchantIds?: string
  counties: string[]
  residentCounties?: string[]
  oneVoucherPerTransaction: boolean
  capCount?: number | null
  capAmountYuan?: string
  refund: (typeof REFUND_POLICIES)[number]
  quotaReturnUnclaimed: boolean
  quotaReturnExpired: boolean
  budgetYuan: string
  provenanceSource: string
  provenanceStatus: 'confirmed' | 'provisional' | 'unknown'
  provenanceNote?: string
}

const REFUND_LABEL: Record<(typeof REFUND_POLICIES)[number], string> = {
  'restore-on-full-refund-within-validity': '有效期内全额退款，券退回',
  'never-restore': '退款不退券',
}

/** '2026-12-06 10:00' (北京时间) → '2026-12-06T10:00:00+08:00'; unreadable text is kept so the schema names it. */
function toIso(text: string | undefined): string {
  if (!text) return ''
  try {
    parseDateTime(text.trim())
    return `${text.trim().replace(' ', 'T')}:00+08:00`
  } catch {
    return text
  }
}

const fromIso = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD HH:mm')

function fen(text: string | undefined): number {
  const parsed = tryParseYuan(text ?? '')
  return parsed.ok ? parsed.fen : Number.NaN
}

export function toBatch(values: BatchFormValues): VoucherBatch {
  const capAmount = values.capAmountYuan?.trim() ? fen(values.capAmountYuan) : null
  return {
    id: values.id?.trim() ?? '',
    title: values.title?.trim() ?? '',
    sponsor: values.sponsor?.trim() ?? '',
    campaign: values.campaign?.trim() ?? '',
    eventId: values.eventId?.trim() ? values.eventId.trim() : null,
    faceValueFen: fen(values.faceValueYuan),
    thresholdFen: fen(values.thresholdYuan),
    limits: { perRound: values.perRound, perBatch: values.perBatch },
    rounds: (values.rounds ?? []).map((round) => ({ id: round?.id?.trim() ?? '', opensAt: toIso(round?.opensAt), closesAt: toIso(round?.closesAt), quota: round?.quota })),
    validity:
      values.validityKind === 'fixed'
        ? { kind: 'fixed', from: values.validityFrom?.trim() ?? '', to: values.validityTo?.trim() ?? '' }
        : { kind: 'days-after-claim', days: values.validityDays as number, notAfter: values.validityNotAfter?.trim() ? values.validityNotAfter.trim() : null },
    merchants:
      values.merchantsKind === 'merchants'
        ? { kind: 'merchants', merchantIds: (values.merchantIds ?? '').split(/[\s,，]+/).filter(Boolean) }
        : { kind: 'categories', categories: (values.categories ?? []) as never },
    counties: (values.counties ?? []) as never,
    residentCounties: values.residentCounties && values.residentCounties.length > 0 ? (values.residentCounties as never) : null,
    oneVoucherPerTransaction: values.oneVoucherPerTransaction ?? true,
    merchantDailyCap: { count: values.capCount ?? null, amountFen: capAmount },
    refund: values.refund,
    quotaReturn: { unclaimed: values.quotaReturnUnclaimed ?? false, expired: values.quotaReturnExpired ?? false },
    budgetFen: fen(values.budgetYuan),
    provenance: { clause: '十五', source: values.provenanceSource?.trim() ?? '', status: values.provenanceStatus, ...(values.provenanceNote?.trim() ? { note: values.provenanceNote.trim() } : {}) },
  } as VoucherBatch
}

const yuanText = (value: number) => formatFen(value, { symbol: false }).replace(/,/g, '')

export function fromBatch(batch: VoucherBatch): BatchFormValues {
  return {
    id: batch.id,
    title: batch.title,
    sponsor: batch.sponsor,
    campaign: batch.campaign,
    eventId: batch.eventId ?? undefined,
    faceValueYuan: yuanText(batch.faceValueFen),
    thresholdYuan: yuanText(batch.thresholdFen),
    perRound: batch.limits.perRound,
    perBatch: batch.limits.perBatch,
    rounds: batch.rounds.map((round) => ({ id: round.id, opensAt: fromIso(round.opensAt), closesAt: fromIso(round.closesAt), quota: round.quota })),
    validityKind: batch.validity.kind,
    validityFrom: batch.validity.kind === 'fixed' ? batch.validity.from : undefined,
    validityTo: batch.validity.kind === 'fixed' ? batch.validity.to : undefined,
    validityDays: batch.validity.kind === 'days-after-claim' ? batch.validity.days : undefined,
    validityNotAfter: batch.validity.kind === 'days-after-claim' ? (batch.validity.notAfter ?? undefined) : undefined,
    merchantsKind: batch.merchants.kind,
    categories: batch.merchants.kind === 'categories' ? batch.merchants.categories : undefined,
    merchantIds: batch.merchants.kind === 'merchants' ? batch.merchants.merchantIds.join(', ') : undefined,
    counties: batch.counties,
    residentCounties: batch.residentCounties ?? [],
    oneVoucherPerTransaction: batch.oneVoucherPerTransaction,
    capCount: batch.merchantDailyCap.count,
    capAmountYuan: batch.merchantDailyCap.amountFen === null ? undefined : yuanText(batch.merchantDailyCap.amountFen),
    refund: batch.refund,
    quotaReturnUnclaimed: batch.quotaReturn.unclaimed,
    quotaReturnExpired: batch.quotaReturn.expired,
    budgetYuan: yuanText(batch.budgetFen),
    provenanceSource: batch.provenance.source,
    provenanceStatus: batch.provenance.status,
    provenanceNote: batch.provenance.note,
  }
}

export const NEW_BATCH_VALUES: Partial<BatchFormValues> = {
  sponsor: '衢州市商务局',
  campaign: '乐享衢州·有礼惠购',
  perRound: 1,
  perBatch: 1,
  rounds: [{ id: 'r1', opensAt: '', closesAt: '', quota: 1000 }],
  validityKind: 'days-after-claim',
  validityDays: 7,
  merchantsKind: 'categories',
  categories: ['catering'],
  counties: VOUCHER_COUNTIES.map((county) => county.code),
  residentCounties: [],
  oneVoucherPerTransaction: true,
  refund: 'restore-on-full-refund-within-validity',
  quotaReturnUnclaimed: false,
  quotaReturnExpired: false,
  provenanceSource: '本应用暂定',
  provenanceStatus: 'provisional',
}

/** A schema path ('rounds[0].opensAt', 'limits.perRound') as the form field that holds it. */
function fieldOf(path: string): (string | number)[] | null {
  const direct: Record<string, string> = {
    faceValueFen: 'faceValueYuan',
    thresholdFen: 'thresholdYuan',
    'limits.perRound': 'perRound',
    'limits.perBatch': 'perBatch',
    budgetFen: 'budgetYuan',
    'validity.from': 'validityFrom',
    'validity.to': 'validityTo',
    'validity.days': 'validityDays',
    'validity.notAfter': 'validityNotAfter',
    'merchants.categories': 'categories',
    'merchants.merchantIds': 'merchantIds',
    'merchantDailyCap.count': 'capCount',
    'merchantDailyCap.amountFen': 'capAmountYuan',
    'provenance.source': 'provenanceSource',
    'provenance.note': 'provenanceNote',
    'quotaReturn.unclaimed': 'quotaReturnUnclaimed',
    'quotaReturn.expired': 'quotaReturnExpired',
  }
  if (direct[path]) return [direct[path]]
  const round = /^rounds\[(\d+)\]\.(id|opensAt|closesAt|quota)$/.exec(path)
  if (round) return ['rounds', Number(round[1]), round[2]]
  const head = /^(id|title|sponsor|campaign|eventId|counties|residentCounties|rounds|refund)/.exec(path)
  return head ? [head[1]] : null
}

export type BatchCheck = { ok: true; batch: VoucherBatch } | { ok: false; errors: ContentError[] }

/** Checks the form with the batch schema and marks each problem at its field. */
export function checkBatchForm(form: ReturnType<typeof Form.useForm<BatchFormValues>>[0]): BatchCheck {
  const parsed = parseVoucherBatch(toBatch(form.getFieldsValue(true) as BatchFormValues))
  form.setFields((Object.keys(form.getFieldsValue(true)) as string[]).map((name) => ({ name, errors: [] })) as never)
  if (parsed.ok) return { ok: true, batch: parsed.value }
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>()
  for (const error of parsed.errors) {
    const name = fieldOf(error.path)
    if (!name) continue
    const key = name.join('.')
    const entry = byField.get(key) ?? { name, errors: [] }
    entry.errors.push(error.reason)
    byField.set(key, entry)
  }
  form.setFields([...byField.values()] as never)
  return { ok: false, errors: parsed.errors }
}

export function BatchFormFields({ editing, lockedAfterStart }: { editing: boolean; lockedAfterStart: boolean }) {
  const locked = lockedAfterStart
  return (
    <>
      {locked && <Alert type='info' showIcon style={{ marginBottom: 16 }} message='已开始领取：只能修改名称、发放单位、活动、来源说明，增加预算和名额，以及调整尚未开抢的轮次。' />}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label='批次编号' name='id' required tooltip='字母、数字、- 和 _，发布后不能修改'>
            <Input disabled={editing} placeholder='例如 2026-winter-catering' />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label='批次名称（居民看到的标题）' name='title' required>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label='发放单位' name='sponsor' required>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label='所属活动' name='campaign' required>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label='关联日历活动编号（可空）' name='eventId'>
            <Input disabled={locked} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement='start'>面额与限领</Divider>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label='面额：减（元）' name='faceValueYuan' required>
            <Input disabled={locked} inputMode='decimal' />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='门槛：满（元，0 为无门槛）' name='thresholdYuan' required>
            <Input disabled={locked} inputMode='decimal' />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='每人每轮限领（张）' name='perRound' required>
            <InputNumber min={1} precision={0} disabled={locked} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='每人整批限领（张）' name='perBatch' required>
            <InputNumber min={1} precision={0} disabled={locked} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement='start'>轮次（北京时间，格式 2026-12-06 10:00）</Divider>
      <Form.List name='rounds'>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align='top'>
                <Col span={4}>
                  <Form.Item label={`第 ${index + 1} 轮编号`} name={[field.name, 'id']}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item label='开抢时间' name={[field.name, 'opensAt']}>
                    <Input placeholder='2026-12-06 10:00' />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item label='结束时间' name={[field.name, 'closesAt']}>
                    <Input placeholder='2026-12-06 22:00' />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item label='名额（张）' name={[field.name, 'quota']}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: 30 }}>
                  {fields.length > 1 && (
                    <Button onClick={() => remove(field.name)} aria-label={`删除第 ${index + 1} 轮`}>
                      删除
                    </Button>
                  )}
                </Col>
              </Row>
            ))}
            <Button onClick={() => add({ id: `r${fields.length + 1}`, opensAt: '', closesAt: '', quota: 1000 })}>添加一轮</Button>
          </>
        )}
      </Form.List>
      <Divider titlePlacement='start'>有效期与适用范围</Divider>
      <Form.Item label='有效期' name='validityKind'>
        <Radio.Group disabled={locked} options={[{ value: 'days-after-claim', label: '领取后 N 天' }, { value: 'fixed', label: '固定日期' }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.validityKind !== b.validityKind}>
        {({ getFieldValue }) =>
          getFieldValue('validityKind') === 'fixed' ? (
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item label='有效期开始（YYYY-MM-DD）' name='validityFrom'>
                  <Input disabled={locked} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label='有效期结束（含当天）' name='validityTo'>
                  <Input disabled={locked} />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item label='领取后有效天数' name='validityDays'>
                  <InputNumber min={1} max={366} precision={0} disabled={locked} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label='最晚使用日（可空，YYYY-MM-DD）' name='validityNotAfter'>
                  <Input disabled={locked} />
                </Form.Item>
              </Col>
            </Row>
          )
        }
      </Form.Item>
      <Form.Item label='适用商户' name='merchantsKind'>
        <Radio.Group disabled={locked} options={[{ value: 'categories', label: '按商户类别' }, { value: 'merchants', label: '指定商户' }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.merchantsKind !== b.merchantsKind}>
        {({ getFieldValue }) =>
          getFieldValue('merchantsKind') === 'merchants' ? (
            <Form.Item label='商户编号（逗号或空格分隔）' name='merchantIds'>
              <Input.TextArea rows={2} disabled={locked} />
            </Form.Item>
          ) : (
            <Form.Item label='商户类别' name='categories'>
              <Select mode='multiple' disabled={locked} options={MERCHANT_CATEGORIES.map((item) => ({ value: item.code, label: item.name }))} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label='适用区县（商户所在）' name='counties'>
            <Select mode='multiple' disabled={locked} options={VOUCHER_COUNTIES.map((county) => ({ value: county.code, label: county.name }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label='限哪些区县居民领取（不选为不限）' name='residentCounties'>
            <Select mode='multiple' disabled={locked} options={VOUCHER_COUNTIES.map((county) => ({ value: county.code, label: county.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement='start'>使用规则与预算</Divider>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label='每笔订单限用一张' name='oneVoucherPerTransaction' valuePropName='checked'>
            <Switch disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='商户每日核销上限（张，可空）' name='capCount'>
            <InputNumber min={1} precision={0} disabled={locked} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='商户每日优惠上限（元，可空）' name='capAmountYuan'>
            <Input disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='退款规则' name='refund'>
            <Select disabled={locked} options={REFUND_POLICIES.map((value) => ({ value, label: REFUND_LABEL[value] }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='未领完的名额转入下一轮' name='quotaReturnUnclaimed' valuePropName='checked'>
            <Switch disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='过期未用的名额回到之后的轮次' name='quotaReturnExpired' valuePropName='checked'>
            <Switch disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='总预算（元）' name='budgetYuan' required>
            <Input inputMode='decimal' />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement='start'>规则来源（条款十五）</Divider>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label='来源（文号或“本应用暂定”）' name='provenanceSource'>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label='状态' name='provenanceStatus'>
            <Select options={[{ value: 'confirmed', label: '已确认' }, { value: 'provisional', label: '待官方确认' }, { value: 'unknown', label: '尚未公布' }]} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label='说明（可空）' name='provenanceNote'>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}

/** What a resident's phone shows for the batch, at 375 × 667. */
export function PhonePreview({ batch }: { batch: VoucherBatch }) {
  const lines = useMemo(() => {
    try {
      return describeBatchRules(batch)
    } catch {
      return []
    }
  }, [batch])
  return (
    <div
      role='region'
      aria-label='居民手机上的样子（预览）'
      style={{ boxSizing: 'content-box', width: 375, height: 667, border: '10px solid #222', borderRadius: 28, overflowY: 'auto', background: '#f5f5f5', margin: '0 auto', fontSize: 15 }}
    >
      <div style={{ background: '#c8102e', color: '#fff', padding: '20px 16px' }}>
        <div style={{ fontSize: 13 }}>{batch.sponsor} · {batch.campaign}</div>
        <div style={{ fontSize: 20, fontWeight: 600, margin: '6px 0' }}>{batch.title}</div>
        <div style={{ fontSize: 28, fontWeight: 700 }}>
          ¥{formatFen(batch.faceValueFen, { symbol: false, trimZeros: true })}
          <span style={{ fontSize: 15, fontWeight: 400, marginLeft: 8 }}>
            {batch.thresholdFen > 0 ? `满 ${formatFen(batch.thresholdFen, { symbol: false, trimZeros: true })} 元可用` : '无门槛'}
          </span>
        </div>
      </div>
      <div style={{ background: '#fff', margin: 12, padding: 12, borderRadius: 8 }}>
        {batch.rounds.map((round, index) => (
          <div key={round.id} style={{ padding: '4px 0' }}>
            第 {index + 1} 轮 {formatShanghai(round.opensAt, 'M月D日 HH:mm')} 开抢 · {round.quota.toLocaleString('zh-CN')} 张
          </div>
        ))}
      </div>
      <div style={{ background: '#fff', margin: 12, padding: 12, borderRadius: 8 }}>
        {lines.map((line) => (
          <div key={line.label} style={{ padding: '4px 0' }}>
            <strong>{line.label}：</strong>
            {line.value}
          </div>
        ))}
      </div>
      <Space style={{ margin: '0 12px 12px' }}>
        <span style={{ background: '#c8102e', color: '#fff', padding: '8px 24px', borderRadius: 20 }}>立即领取</span>
      </Space>
    </div>
  )
}
