/**
 * The subscribe-message templates, one per reminder kind, as data. Template ids and field keys
 * (thing1, time2 …) are fixed by the template the operator picks in the WeChat admin console
 * (公共模板库), so both are configuration: the ids below are placeholders and the server must
 * load the real ones (parseTemplateCatalogue) before sending. Each field says which payload value
 * fills it and, where sensible, a fallback text.
 *
 * All templates are one-time (一次性订阅): long-term subscriptions exist only for public-service
 * categories, and one-time and long-term ids cannot be mixed in one request (WECHAT.md).
 */
import { DomainError } from '../errors'
import type { ReminderKind } from './kinds'

export interface TemplateField {
  /** WeChat data key: a type prefix and a number, e.g. 'thing1', 'time2', 'amount3'. */
  key: string
  /** What the field is called in the template, for logs and the admin page. */
  label: string
  /** Payload property that fills it. */
  from: string
  /** Used when the payload has no value. */
  fallback?: string
}

export interface SubscribeTemplate {
  kind: ReminderKind
  templateId: string
  title: string
  fields: readonly TemplateField[]
}

export type TemplateCatalogue = Readonly<Record<ReminderKind, SubscribeTemplate>>

/**
 * A moment (epoch ms, ISO-8601 with +08:00, or 'YYYY-MM-DD'), or a period { from, to } that
 * WeChat shows as "A~B".
 */
export type MessageTime = number | string | { from: number | string; to: number | string }

/** What each kind's payload carries. Amounts are integer fen. */
export interface ReminderPayloads {
  'round-opening': { batchName: string; opensAt: MessageTime; tip?: string }
  'voucher-expiring': { voucherName: string; amountFen: number; expiresAt: MessageTime; tip?: string }
  'event-starting': { eventTitle: string; startsAt: MessageTime; venueName: string; statusText?: string; tip?: string }
  'rule-set-ending': { ruleSetName: string; endsOn: MessageTime; tip?: string }
  /** publishedAt is the import that published it: unknown until then. */
  'rule-published': { subjectName: string; publishedAt?: MessageTime; tip?: string }
  'toll-period-ending': { schemeName: string; endsOn: MessageTime; tip?: string }
}

/** The payload properties a template field may read, per kind (checked when loading an override). */
export const PAYLOAD_KEYS: Readonly<Record<ReminderKind, readonly string[]>> = {
  'round-opening': ['batchName', 'opensAt', 'tip'],
  'voucher-expiring': ['voucherName', 'amountFen', 'expiresAt', 'tip'],
  'event-starting': ['eventTitle', 'startsAt', 'venueName', 'statusText', 'tip'],
  'rule-set-ending': ['ruleSetName', 'endsOn', 'tip'],
  'rule-published': ['subjectName', 'publishedAt', 'tip'],
  'toll-period-ending': ['schemeName', 'endsOn', 'tip'],
}

export const PLACEHOLDER_TEMPLATE_PREFIX = 'PLACEHOLDER_'

/** The placeholder template of a kind: its id says which kind, until the operator's real id is loaded. */
function placeholderTemplate(kind: ReminderKind, title: string, fields: readonly TemplateField[]): SubscribeTemplate {
  return { kind, templateId: `${PLACEHOLDER_TEMPLATE_PREFIX}${kind.toUpperCase().replace(/-/g, '_')}`, title, fields }
}

/** The 温馨提示 field most templates end with: the payload's tip, or the kind's default text. */
function tipField(key: string, fallback: string): TemplateField {
  return { key, label: '温馨提示', from: 'tip', fallback }
}

export const DEFAULT_TEMPLATE_CATALOGUE: TemplateCatalogue = {
  'round-opening': placeholderTemplate('round-opening', '消费券开抢提醒', [
    { key: 'thing1', label: '活动名称', from: 'batchName' },
    { key: 'time2', label: '开抢时间', from: 'opensAt' },
    tipField('thing3', '消费券即将开抢，先到先得'),
  ]),
  'voucher-expiring': placeholderTemplate('voucher-expiring', '消费券到期提醒', [
    { key: 'thing1', label: '券名称', from: 'voucherName' },
    { key: 'amount2', label: '面额', from: 'amountFen' },
    { key: 'time3', label: '到期时间', from: 'expiresAt' },
    tipField('thing4', '消费券快到期了，请尽快使用'),
  ]),
  'event-starting': placeholderTemplate('event-starting', '活动开始提醒', [
    { key: 'thing1', label: '活动名称', from: 'eventTitle' },
    { key: 'time2', label: '开始时间', from: 'startsAt' },
    { key: 'thing3', label: '活动地点', from: 'venueName' },
    { key: 'phrase4', label: '活动状态', from: 'statusText', fallback: '即将开始' },
    { key: 'thing5', label: '备注', from: 'tip', fallback: '活动即将开始，别错过' },
  ]),
  'rule-set-ending': placeholderTemplate('rule-set-ending', '补贴政策截止提醒', [
    { key: 'thing1', label: '政策名称', from: 'ruleSetName' },
    { key: 'date2', label: '截止日期', from: 'endsOn' },
    tipField('thing3', '补贴政策即将截止，请尽快申请'),
  ]),
  'rule-published': placeholderTemplate('rule-published', '政策更新提醒', [
    { key: 'thing1', label: '政策名称', from: 'subjectName' },
    { key: 'time2', label: '更新时间', from: 'publishedAt' },
    tipField('thing3', '官方规则已更新，点击查看'),
  ]),
  'toll-period-ending': placeholderTemplate('toll-period-ending', '优惠活动到期提醒', [
    { key: 'thing1', label: '活动名称', from: 'schemeName' },
    { key: 'date2', label: '结束日期', from: 'endsOn' },
    tipField('thing3', '免费通行实施期即将结束'),
  ]),
}

export function isPlaceholderTemplateId(templateId: string): boolean {
  return templateId.startsWith(PLACEHOLDER_TEMPLATE_PREFIX)
}

export const FIELD_KEY_PATTERN =
  /^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|car_number|name|phrase)(\d+)$/

export type SubscribeRequestErrorCode = 'SUBSCRIBE_TOO_MANY_TEMPLATES' | 'SUBSCRIBE_NO_TEMPLATES'
export class SubscribeRequestError extends DomainError<SubscribeRequestErrorCode> {}

/** WeChat shows at most 3 templates per requestSubscribeMessage call (WECHAT.md). */
export const MAX_TEMPLATES_PER_REQUEST = 3

/** The tmplIds for one 提醒我 tap, de-duplicated; throws when more than 3 would be asked. */
export function subscribeRequestTemplateIds(
  kinds: readonly ReminderKind[],
  catalogue: TemplateCatalogue = DEFAULT_TEMPLATE_CATALOGUE,
): string[] {
  const ids = Array.from(new Set(kinds.map((kind) => catalogue[kind].templateId)))
  if (ids.length === 0) throw new SubscribeRequestError('SUBSCRIBE_NO_TEMPLATES', '没有要订阅的提醒')
  if (ids.length > MAX_TEMPLATES_PER_REQUEST) {
    throw new SubscribeRequestError('SUBSCRIBE_TOO_MANY_TEMPLATES', `一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 种提醒`)
  }
  return ids
}
