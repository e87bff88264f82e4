/**
 * Characters no text a person types into 衢惠通 may contain (issue 16): C0 and C1 control
 * characters — NUL included, which PostgreSQL cannot store in text and which used to surface as a
 * 500 — and DEL; the bidirectional controls that make a nickname or an order number display
 * differently from what it is (U+202E shows "‮abc" as "cba"); and lone UTF-16 surrogates, which
 * are not text at all. The server refuses them in every request body, query and path parameter
 * (one preValidation hook, server/src/http/text-input.ts); the app can check a field with the same
 * function before sending it.
 */
import { DomainError } from '../errors'

export type UnsafeCharacterKind = 'control' | 'bidi' | 'surrogate'

// Tab and line breaks are controls too: no field of the API is multi-line text.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The first kind of unsafe character in `text`, or null when it has none. */
export function findUnsafeCharacter(text: string): UnsafeCharacterKind | null {
  if (CONTROL.test(text)) return 'control'
  if (BIDI.test(text)) return 'bidi'
  if (LONE_SURROGATE.test(text)) return 'surrogate'
  return null
}

const MESSAGES: Record<UnsafeCharacterKind, string> = {
  control: '含有看不见的控制字符（如换行、制表符或空字符），请删除后重试',
  bidi: '含有改变文字方向的特殊字符，请删除后重试',
  surrogate: '含有无法识别的字符，请删除后重试',
}

export class UnsafeTextError extends DomainError<'INVALID_CHARACTERS'> {}

/** The Chinese reason for refusing `text` in the field labelled `label`, or null when it is fine. */
export function unsafeTextMessage(text: string, label: string): string | null {
  const kind = findUnsafeCharacter(text)
  return kind ? `${label}${MESSAGES[kind]}` : null
}

/** Throws UnsafeTextError (code INVALID_CHARACTERS, with the field) when `text` has an unsafe character. */
export function assertSafeText(text: string, field: string, label = field): void {
  const message = unsafeTextMessage(text, label)
  if (message) throw new UnsafeTextError('INVALID_CHARACTERS', message, field)
}
