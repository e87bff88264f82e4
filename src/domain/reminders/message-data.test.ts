import fc from 'fast-check'
import { buildSubscribeMessageData, formatMessageAmount, MessageDataError, THING_MAX_CHARS } from './message-data'
import { DEFAULT_TEMPLATE_CATALOGUE, type TemplateCatalogue } from './templates'
import { thrownBy } from '../errors/thrown-by'

const OPENS_AT = '2025-05-04T10:00:00+08:00'

function withFields(kind: 'round-opening', fields: TemplateCatalogue['round-opening']['fields']): TemplateCatalogue {
  return { ...DEFAULT_TEMPLATE_CATALOGUE, [kind]: { ...DEFAULT_TEMPLATE_CATALOGUE[kind], fields } }
}

const errorOf = (action: () => unknown): MessageDataError => thrownBy(MessageDataError, action)

describe('buildSubscribeMessageData', () => {
  it('builds the data WeChat expects for each kind, with fallbacks for optional fields', () => {
    expect(buildSubscribeMessageData('round-opening', { batchName: '五一家电消费券', opensAt: OPENS_AT })).toEqual({
      templateId: 'PLACEHOLDER_ROUND_OPENING',
      data: { thing1: { value: '五一家电消费券' }, time2: { value: '2025年5月4日 10:00' }, thing3: { value: '消费券即将开抢，先到先得' } },
      shortened: [],
    })
    expect(
      buildSubscribeMessageData('voucher-expiring', { voucherName: '满200减50', amountFen: 5000, expiresAt: Date.UTC(2025, 4, 31, 15, 59) }).data,
    ).toEqual({ thing1: { value: '满200减50' }, amount2: { value: '50.00元' }, time3: { value: '2025年5月31日 23:59' }, thing4: { value: '消费券快到期了，请尽快使用' } })
    expect(buildSubscribeMessageData('rule-set-ending', { ruleSetName: '2025年家电以旧换新', endsOn: '2025-12-31' }).data.date2).toEqual({ value: '2025年12月31日' })
    // 衢城畅行's period end is a date field; its tip, like the voucher's, names no day (the lead is the resident's).
    expect(buildSubscribeMessageData('toll-period-ending', { schemeName: '衢城畅行免费通行', endsOn: '2025-12-31' }).data).toEqual({
      thing1: { value: '衢城畅行免费通行' },
      date2: { value: '2025年12月31日' },
      thing3: { value: '免费通行实施期即将结束' },
    })
    const published = buildSubscribeMessageData('rule-published', { subjectName: '家居补贴新规则', publishedAt: Date.UTC(2026, 11, 6, 2, 0) })
    expect(published.data).toEqual({ thing1: { value: '家居补贴新规则' }, time2: { value: '2026年12月6日 10:00' }, thing3: { value: '官方规则已更新，点击查看' } })
    expect(
      buildSubscribeMessageData('event-starting', { eventTitle: '新蜂音乐节', startsAt: OPENS_AT, venueName: '鹿鸣大草坪', statusText: '有变更' }).data.phrase4,
    ).toEqual({ value: '有变更' })
  })

  describe('thing* (≤ 20 characters)', () => {
    const build = (batchName: string) => buildSubscribeMessageData('round-opening', { batchName, opensAt: OPENS_AT })

    it('keeps exactly 20 characters as they are', () => {
      const twenty = '衢'.repeat(20)
      expect(build(twenty)).toMatchObject({ data: { thing1: { value: twenty } }, shortened: [] })
    })

    it('shortens 21 characters to 19 and an ellipsis, and reports it', () => {
      const long = '乐享衢州有礼惠购第二轮家电数码家居消费券'
      expect(Array.from(long)).toHaveLength(20)
      const result = build(`${long}啊`)
      expect(result.data.thing1.value).toBe(`${long.slice(0, 19)}…`)
      expect(Array.from(result.data.thing1.value)).toHaveLength(THING_MAX_CHARS)
      expect(result.shortened).toEqual([{ key: 'thing1', original: `${long}啊`, sent: `${long.slice(0, 19)}…` }])
    })

    it('counts characters, not UTF-16 units, and never cuts an emoji in half', () => {
      const value = build('🎉'.repeat(25)).data.thing1.value
      expect(Array.from(value)).toHaveLength(20)
      expect(value).toBe(`${'🎉'.repeat(19)}…`)
    })

    it('folds newlines and runs of spaces into one space before counting', () => {
      expect(build('  第一轮\n\n  消费券  ').data.thing1.value).toBe('第一轮 消费券')
    })

    it('rejects an empty value with no fallback', () => {
      expect(errorOf(() => build('   '))).toMatchObject({ code: 'MESSAGE_FIELD_MISSING', field: 'thing1' })
    })

    it('never sends more than 20 characters, whatever the text', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }), (text) => {
          fc.pre(text.trim() !== '')
          const value = build(text).data.thing1.value
          expect(Array.from(value).length).toBeLessThanOrEqual(THING_MAX_CHARS)
          expect(value).not.toMatch(/[\r\n]/)
        }),
      )
    })
  })

  it('uses the payload tip when given, the fallback when empty', () => {
    expect(buildSubscribeMessageData('round-opening', { batchName: 'x', opensAt: OPENS_AT, tip: '记得带身份证' }).data.thing3.value).toBe('记得带身份证')
    expect(buildSubscribeMessageData('round-opening', { batchName: 'x', opensAt: OPENS_AT, tip: ' ' }).data.thing3.value).toBe('消费券即将开抢，先到先得')
  })

  describe('time* and date*', () => {
    it('formats in Shanghai time and accepts ms, ISO +08:00 and dates', () => {
      const at = (opensAt: number | string) => buildSubscribeMessageData('round-opening', { batchName: 'x', opensAt }).data.time2.value
      expect(at(Date.UTC(2025, 11, 31, 16, 5))).toBe('2026年1月1日 00:05')
      expect(at('2025-12-31T23:59:00+08:00')).toBe('2025年12月31日 23:59')
      expect(at('2028-02-29')).toBe('2028年2月29日 00:00')
    })

    it('shows a period as A~B (an all-day event)', () => {
      const data = buildSubscribeMessageData('event-starting', {
        eventTitle: '新蜂音乐节',
        startsAt: { from: '2025-05-04T00:00:00+08:00', to: '2025-05-05T23:59:00+08:00' },
        venueName: '鹿鸣大草坪',
      }).data
      expect(data.time2.value).toBe('2025年5月4日 00:00~2025年5月5日 23:59')
    })

    it.each(['2025-05-04 10:00', '2025-05-04T10:00:00Z', 'tomorrow', ''])('rejects %p', (opensAt) => {
      expect(() => buildSubscribeMessageData('round-opening', { batchName: 'x', opensAt })).toThrow(MessageDataError)
    })
  })

  describe('amount*', () => {
    it('formats fen as plain digits with 元 and rejects what WeChat would', () => {
      expect(formatMessageAmount(123456)).toBe('1234.56元')
      expect(formatMessageAmount(5)).toBe('0.05元')
      const build = (amountFen: number) => buildSubscribeMessageData('voucher-expiring', { voucherName: 'x', amountFen, expiresAt: OPENS_AT })
      expect(errorOf(() => build(-100))).toMatchObject({ code: 'MESSAGE_FIELD_INVALID', field: 'amount2' })
      expect(errorOf(() => build(12.5))).toMatchObject({ code: 'MESSAGE_FIELD_INVALID', field: 'amount2' })
    })
  })

  describe('other field types', () => {
    const build = (key: string, value: string) =>
      buildSubscribeMessageData('round-opening', { batchName: value, opensAt: OPENS_AT }, withFields('round-opening', [{ key, label: 'x', from: 'batchName' }])).data[key]?.value

    it.each([
      ['phrase1', '即将开始', '即将开始'],
      ['character_string1', 'QZ-2025-0001', 'QZ-2025-0001'],
      ['character_string1', 'A'.repeat(32), 'A'.repeat(32)],
      ['number1', '12.5', '12.5'],
      ['letter1', 'ABC', 'ABC'],
      ['symbol1', '+-', '+-'],
      ['phone_number1', '+86-0570-12345678', '+86-0570-12345678'],
      ['car_number1', '浙H12345', '浙H12345'],
      ['name1', '诸葛亮', '诸葛亮'],
      ['name1', '欧阳'.repeat(6), '欧阳欧阳欧阳欧阳欧阳'],
    ])('%s accepts %p', (key, value, sent) => {
      expect(build(key, value)).toBe(sent)
    })

    it.each([
      ['phrase1', '活动即将开始啦'],
      ['phrase1', 'OK'],
      ['character_string1', 'A'.repeat(33)],
      ['character_string1', '中文编号'],
      ['number1', '12a'],
      ['letter1', 'AB1'],
      ['symbol1', '+-*/%^'],
      ['phone_number1', '1'.repeat(18)],
      ['car_number1', '浙H1234567'],
    ])('%s rejects %p instead of sending it', (key, value) => {
      expect(errorOf(() => build(key, value))).toMatchObject({ code: 'MESSAGE_FIELD_INVALID', field: key })
    })

    it('rejects a field type WeChat does not have', () => {
      expect(errorOf(() => build('words1', 'x'))).toMatchObject({ code: 'MESSAGE_UNKNOWN_FIELD_TYPE' })
    })
  })

  it('says which field lacks a value', () => {
    const error = errorOf(() => buildSubscribeMessageData('event-starting', { eventTitle: '音乐节', startsAt: OPENS_AT } as never))
    expect(error).toMatchObject({ code: 'MESSAGE_FIELD_MISSING', field: 'thing3' })
    expect(error.message).toContain('活动地点')
  })
})
