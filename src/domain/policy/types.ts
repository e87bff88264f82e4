/**
 * Every policy figure the app shows is data with its provenance. Status:
 * - confirmed: stated by the city document or a national notice;
 * - provisional: from a secondary source, another city or an older year — shown as 待官方确认;
 * - unknown: nothing found — the bundled value is a placeholder an operator must replace, and is
 *   shown as 待官方确认 too.
 */
export type FigureStatus = 'confirmed' | 'provisional' | 'unknown'

export interface PolicySource {
  /** Clause of 衢政发〔2025〕4号 such as '十四', or a national notice number. */
  clause: string
  /** Human-readable source: document, notice, or dataset. */
  source: string
  status: FigureStatus
  /** Optional note on why the figure has this status. */
  note?: string
}

export interface Figure<T> extends PolicySource {
  value: T
}

export interface EffectivePeriod {
  /** First day in force, Shanghai date 'YYYY-MM-DD'. */
  from: string
  /** Last day in force (inclusive), or null when open-ended. */
  to: string | null
}

export const STATUS_LABEL: Record<FigureStatus, string> = {
  confirmed: '已确认',
  provisional: '待官方确认',
  unknown: '待官方确认',
}

export function isProvisional(status: FigureStatus): boolean {
  return status !== 'confirmed'
}

export const CITY_DOCUMENT = '衢政发〔2025〕4号《衢州市推动经济高质量发展若干政策举措(2025年版)》'
