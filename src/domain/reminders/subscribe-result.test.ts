import { interpretSubscribeResult } from './subscribe-result'
import { parseTemplateCatalogue } from './template-config'
import { DEFAULT_TEMPLATE_CATALOGUE, subscribeRequestTemplateIds, SubscribeRequestError } from './templates'

const ROUND = DEFAULT_TEMPLATE_CATALOGUE['round-opening'].templateId
const EXPIRING = DEFAULT_TEMPLATE_CATALOGUE['voucher-expiring'].templateId
const EVENT = DEFAULT_TEMPLATE_CATALOGUE['event-starting'].templateId

describe('interpretSubscribeResult', () => {
  it.each([
    ['accept', 'accept', 'credit'],
    ['acceptWithAudio', 'accept', 'credit'],
    ['reject', 'reject', 'in-app'],
    ['ban', 'ban', 'in-app'],
    ['filter', 'filter', 'in-app'],
    [undefined, 'missing', 'in-app'],
    ['something-new', 'missing', 'in-app'],
  ])('answer %p → %s, stored as %s', (answer, outcome, store) => {
    const result = interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:ok', [ROUND]: answer }, [ROUND])
    expect(result.decisions).toEqual([{ templateId: ROUND, kind: 'round-opening', outcome, store, reason: expect.any(String) }])
  })

  it('judges each template on its own: one credit per accepted template, in-app for the rest', () => {
    const result = interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:ok', [ROUND]: 'accept', [EXPIRING]: 'reject', [EVENT]: 'filter' }, [ROUND, EXPIRING, EVENT])
    expect(result.ok).toBe(true)
    expect(result.creditTemplateIds).toEqual([ROUND])
    expect(result.inAppTemplateIds).toEqual([EXPIRING, EVENT])
    expect(result.decisions.map((item) => item.kind)).toEqual(['round-opening', 'voucher-expiring', 'event-starting'])
    expect(result.message).toContain('部分提醒')
  })

  it('says so when all are accepted', () => {
    const result = interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:ok', [ROUND]: 'accept', [EVENT]: 'accept' }, [ROUND, EVENT])
    expect(result.inAppTemplateIds).toEqual([])
    expect(result.message).toBe('已订阅，到时微信会提醒你')
  })

  it('does not trust errMsg alone: an ok call where the user rejected everything gives no credit', () => {
    const result = interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:ok', [ROUND]: 'reject' }, [ROUND])
    expect(result.ok).toBe(true)
    expect(result.creditTemplateIds).toEqual([])
    expect(result.message).toContain('我的提醒')
  })

  it('keeps everything in-app when the call fails, explaining the main switch (20004)', () => {
    const result = interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:fail main switch is off', errCode: 20004 }, [ROUND, EVENT])
    expect(result).toMatchObject({ ok: false, errorCode: 20004, mainSwitchOff: true, creditTemplateIds: [], inAppTemplateIds: [ROUND, EVENT] })
    expect(result.decisions.every((item) => item.outcome === 'failed')).toBe(true)
    expect(result.message).toContain('设置')
  })

  it('ignores per-template answers on a failed call', () => {
    const result = interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:fail', errCode: 10005, [ROUND]: 'accept' }, [ROUND])
    expect(result.creditTemplateIds).toEqual([])
    expect(result.decisions[0].reason).toContain('后台')
  })

  it('treats no result (H5, no API) as in-app only', () => {
    const result = interpretSubscribeResult(undefined, [ROUND])
    expect(result.decisions[0]).toMatchObject({ outcome: 'unsupported', store: 'in-app' })
    expect(result.ok).toBe(false)
  })

  it('reports an unknown template id without a kind', () => {
    expect(interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:ok', other: 'accept' }, ['other']).decisions[0]).toMatchObject({ kind: null, store: 'credit' })
  })
})

describe('subscribeRequestTemplateIds', () => {
  it('de-duplicates and allows up to 3 templates per tap', () => {
    expect(subscribeRequestTemplateIds(['event-starting', 'event-starting'])).toEqual([EVENT])
    expect(subscribeRequestTemplateIds(['round-opening', 'voucher-expiring', 'event-starting'])).toHaveLength(3)
  })

  it('refuses 4 templates or none', () => {
    expect(() => subscribeRequestTemplateIds(['round-opening', 'voucher-expiring', 'event-starting', 'rule-set-ending'])).toThrow(SubscribeRequestError)
    expect(() => subscribeRequestTemplateIds([])).toThrow(SubscribeRequestError)
  })
})

describe('parseTemplateCatalogue', () => {
  it('applies real template ids over the placeholders and lists the kinds still on placeholders', () => {
    const result = parseTemplateCatalogue({ 'event-starting': { templateId: 'abcDEF123' } })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.catalogue['event-starting']).toMatchObject({ templateId: 'abcDEF123', fields: DEFAULT_TEMPLATE_CATALOGUE['event-starting'].fields })
    expect(result.placeholders).toEqual(['round-opening', 'voucher-expiring', 'rule-set-ending', 'rule-published', 'toll-period-ending'])
    const message = interpretSubscribeResult({ errMsg: 'requestSubscribeMessage:ok', abcDEF123: 'accept' }, ['abcDEF123'], result.catalogue)
    expect(message.decisions[0].kind).toBe('event-starting')
  })

  it('rejects bad overrides whole, with paths', () => {
    const result = parseTemplateCatalogue(
      {
        'event-starting': { templateId: 'x1', fields: [{ key: 'thing1', label: '活动名称', from: 'eventName' }] },
        'round-opening': { templateId: 'x2', fields: [{ key: 'words1', label: 'x', from: 'batchName' }] },
      },
      'wechat.json',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((error) => `${error.file}:${error.path}`)).toEqual(['wechat.json:round-opening.fields.0.key'])
    const second = parseTemplateCatalogue({ 'event-starting': { templateId: 'x1', fields: [{ key: 'thing1', label: '活动名称', from: 'eventName' }] } })
    expect(second.ok === false && second.errors[0].path).toBe('event-starting.fields.0.from')
    const shared = parseTemplateCatalogue({ 'event-starting': { templateId: 'same' }, 'round-opening': { templateId: 'same' } })
    expect(shared.ok).toBe(false)
  })
})
