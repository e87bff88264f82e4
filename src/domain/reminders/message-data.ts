/**
 * Builds the `data` of a subscribeMessage.send call so WeChat never answers 47003 (bad data).
 * The limits per field type are WeChat's (订阅消息参数值内容限制):
 *
 *   thing ≤ 20 characters · number ≤ 32 digits (decimals allowed) · letter ≤ 32 letters ·
 *   symbol ≤ 5 symbols · character_string ≤ 32 digits/letters/symbols · time "15:01" or
 *   "2019年10月1日 15:01" · date "2019年10月1日" (time optional) · amount: one currency sign or
 *   trailing 元 around ≤ 10 digits, decimals allowed · phone_number ≤ 17 digits/symbols ·
 *   car_number ≤ 8 · name ≤ 10 汉字 or ≤ 20 letters · phrase ≤ 5 汉字 only.
 *
 * Free text (thing, name) is normalised and shortened, with '…' for thing; values that would
 * mean something else if cut (codes, phrases, numbers) are rejected with a MessageDataError
 * instead, so the caller fixes the data rather than sending a wrong message.
 */
import { DomainError } from '../errors'
import { dayNumberOf, parseShanghaiIso, shanghaiMidnightMs, shanghaiParts, pad2 } from '../time/shanghai'
import { isValidDate } from '../time'
import type { ReminderKind } from './kinds'
import { DEFAULT_TEMPLATE_CATALOGUE, FIELD_KEY_PATTERN, type ReminderPayloads, type TemplateCatalogue } from './templates'

export type MessageDataErrorCode = 'MESSAGE_FIELD_MISSING' | 'MESSAGE_FIELD_INVALID' | 'MESSAGE_UNKNOWN_FIELD_TYPE'
export class MessageDataError extends DomainError<MessageDataErrorCode> {}

export const THING_MAX_CHARS = 20
export const NAME_MAX_HAN = 10
export const NAME_MAX_LETTERS = 20
export const PHRASE_MAX_CHARS = 5
export const CHARACTER_STRING_MAX = 32

export interface SubscribeMessageData {
  templateId: string
  /** Ready for subscribeMessage.send: { thing1: { value: '…' }, … }. */
  data: Record<string, { value: string }>
  /** Fields whose value was shortened, for the send log. */
  shortened: { key: string; original: string; sent: string }[]
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/
const ONLY_HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/

function chars(text: string): string[] {
  return Array.from(text)
}

function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function toInstant(value: unknown, key: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    const ms = parseShanghaiIso(value)
    if (!Number.isNaN(ms)) return ms
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isValidDate(value)) return shanghaiMidnightMs(dayNumberOf(value))
  }
  throw new MessageDataError('MESSAGE_FIELD_INVALID', `${key} 应为时间（毫秒数或 2025-05-04T18:30:00+08:00）`, key)
}

/** '2025年5月4日 18:30' in Shanghai time. */
export function formatMessageTime(ms: number): string {
  const p = shanghaiParts(ms)
  return `${p.year}年${p.month}月${p.day}日 ${pad2(p.hour)}:${pad2(p.minute)}`
}

/** '2025年5月4日' in Shanghai time. */
export function formatMessageDate(ms: number): string {
  const p = shanghaiParts(ms)
  return `${p.year}年${p.month}月${p.day}日`
}

/** Integer fen → '1234.50元' (no thousands separators: WeChat wants plain digits). */
export function formatMessageAmount(fen: number): string {
  const abs = Math.abs(Math.round(fen))
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad2(abs % 100)}元`
}

function formatPeriod(value: unknown, key: string, format: (ms: number) => string): string {
  if (value !== null && typeof value === 'object' && 'from' in value && 'to' in value) {
    const from = toInstant((value as { from: unknown }).from, key)
    const to = toInstant((value as { to: unknown }).to, key)
    if (to < from) invalid(key, '时间段的结束早于开始')
    const [a, b] = [format(from), format(to)]
    return a === b ? a : `${a}~${b}`
  }
  return format(toInstant(value, key))
}

type Formatter = (value: unknown, key: string) => { value: string; original?: string }

function requireText(value: unknown, key: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new MessageDataError('MESSAGE_FIELD_INVALID', `${key} 应为文字`, key)
  }
  const text = normaliseText(String(value))
  if (text === '') throw new MessageDataError('MESSAGE_FIELD_MISSING', `${key} 不能为空`, key)
  return text
}

function invalid(key: string, rule: string): never {
  throw new MessageDataError('MESSAGE_FIELD_INVALID', `${key} 不符合微信的要求：${rule}`, key)
}

const FORMATTERS: Record<string, Formatter> = {
  thing: (value, key) => {
    const text = requireText(value, key)
    const list = chars(text)
    if (list.length <= THING_MAX_CHARS) return { value: text }
    return { value: `${list.slice(0, THING_MAX_CHARS - 1).join('')}…`, original: text }
  },
  name: (value, key) => {
    const text = requireText(value, key)
    const list = chars(text)
    // Mixed Chinese and letters count as a Chinese name (10 characters).
    const max = HAN.test(text) ? NAME_MAX_HAN : NAME_MAX_LETTERS
    return list.length <= max ? { value: text } : { value: list.slice(0, max).join(''), original: text }
  },
  phrase: (value, key) => {
    const text = requireText(value, key)
    if (!ONLY_HAN.test(text) || chars(text).length > PHRASE_MAX_CHARS) invalid(key, `${PHRASE_MAX_CHARS} 个以内的汉字`)
    return { value: text }
  },
  character_string: (value, key) => {
    const text = requireText(value, key)
    if (!/^[\x21-\x7e]+$/.test(text) || text.length > CHARACTER_STRING_MAX) invalid(key, `${CHARACTER_STRING_MAX} 位以内的数字、字母或符号`)
    return { value: text }
  },
  number: (value, key) => {
    const text = requireText(value, key)
    if (!/^-?\d+(\.\d+)?$/.test(text) || text.replace(/[-.]/g, '').length > 32) invalid(key, '32 位以内的数字')
    return { value: text }
  },
  letter: (value, key) => {
    const text = requireText(value, key)
    if (!/^[A-Za-z]{1,32}$/.test(text)) invalid(key, '32 位以内的字母')
    return { value: text }
  },
  symbol: (value, key) => {
    const text = requireText(value, key)
    if (/[A-Za-z0-9\s]/.test(text) || HAN.test(text) || chars(text).length > 5) invalid(key, '5 位以内的符号')
    return { value: text }
  },
  phone_number: (value, key) => {
    const text = requireText(value, key)
    if (!/^[\d+\-()]{1,17}$/.test(text)) invalid(key, '17 位以内的数字或符号')
    return { value: text }
  },
  car_number: (value, key) => {
    const text = requireText(value, key)
    const ok = /^[\u4e00-\u9fa5A-Z0-9][A-Z0-9]{0,6}[\u4e00-\u9fa5A-Z0-9]?$/.test(text) && chars(text).length <= 8
    if (!ok) invalid(key, '8 位以内的车牌号，例如 浙H12345')
    return { value: text }
  },
  time: (value, key) => ({ value: formatPeriod(value, key, formatMessageTime) }),
  date: (value, key) => ({ value: formatPeriod(value, key, formatMessageDate) }),
  amount: (value, key) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new MessageDataError('MESSAGE_FIELD_INVALID', `${key} 应为整数分`, key)
    const text = formatMessageAmount(value)
    if (value < 0 || Math.floor(Math.abs(value) / 100) >= 1e10) invalid(key, '10 位以内的非负金额')
    return { value: text }
  },
}

/**
 * The message `data` for one reminder kind from its payload, through the catalogue's field map.
 * Throws MessageDataError (with `field` = the WeChat key) for anything WeChat would reject.
 */
export function buildSubscribeMessageData<K extends ReminderKind>(
  kind: K,
  payload: ReminderPayloads[K],
  catalogue: TemplateCatalogue = DEFAULT_TEMPLATE_CATALOGUE,
): SubscribeMessageData {
  const template = catalogue[kind]
  const data: Record<string, { value: string }> = {}
  const shortened: SubscribeMessageData['shortened'] = []
  const values = payload as unknown as Record<string, unknown>
  for (const field of template.fields) {
    const match = FIELD_KEY_PATTERN.exec(field.key)
    const formatter = match ? FORMATTERS[match[1]] : undefined
    if (!formatter) throw new MessageDataError('MESSAGE_UNKNOWN_FIELD_TYPE', `不认识的字段类型：${field.key}`, field.key)
    const raw = values[field.from]
    const given = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') ? field.fallback : raw
    if (given === undefined) throw new MessageDataError('MESSAGE_FIELD_MISSING', `${field.label}（${field.key}）缺少取值 ${field.from}`, field.key)
    const { value, original } = formatter(given, field.key)
    data[field.key] = { value }
    if (original !== undefined) shortened.push({ key: field.key, original, sent: value })
  }
  return { templateId: template.templateId, data, shortened }
}
