/** Money, counts and times as the console shows them: ¥ to the fen, thousands separators, Asia/Shanghai. */
import { formatFen } from '../../src/domain/money'
import { formatShanghai } from '../../src/domain/time'

export const yuan = (fen: number) => formatFen(fen)
export const count = (n: number) => n.toLocaleString('zh-CN')
/** '2026-12-06 10:00' in Shanghai, whatever the desk's time zone. */
export const when = (iso: string | null | undefined) => (iso ? formatShanghai(iso, 'YYYY-MM-DD HH:mm') : '—')
export const whenSeconds = (iso: string | null | undefined) => (iso ? formatShanghai(iso, 'YYYY-MM-DD HH:mm:ss') : '—')

/** '2026-12-06 10:00 — 22:00', or both dates when the span crosses midnight. */
export function span(fromIso: string, toIso: string): string {
  const from = when(fromIso)
  const to = when(toIso)
  return from.slice(0, 10) === to.slice(0, 10) ? `${from} — ${to.slice(11)}` : `${from} — ${to}`
}
