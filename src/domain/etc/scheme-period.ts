/**
 * Is 衢城畅行 (clause 二十六) known to run on a date? The city text states a 2025 plan
 * ("计划2025年减免高速通行费1亿元以上") and no end date, so the bundled period is 2025; an operator
 * file may add a later one. After the last known period nobody can say whether the waiver goes on:
 * every verdict then says 待官方确认 — never 免费, never a bare 收费 — until a new period is
 * imported (and the 公布时提醒 for 'toll-period' fires).
 */
import type { TollData } from '../policy/toll-scheme'

/**
 * in-period: the waiver applies on the date (if the other conditions hold).
 * not-started: the date is before the scheme began: it did not apply then.
 * after-period: the date is after the last known period: whether it continues is 待官方确认.
 */
export type SchemePeriodState = 'in-period' | 'not-started' | 'after-period'

export interface SchemePeriodStatus {
  state: SchemePeriodState
  date: string
  period: { from: string; to: string | null }
  /** 'YYYY-MM-DD 至 YYYY-MM-DD' or 'YYYY-MM-DD 起'. */
  periodText: string
  /** One Chinese sentence for the screen, in every state. */
  text: string
}

export function describeSchemePeriod(period: { from: string; to: string | null }): string {
  return period.to === null ? `${period.from} 起` : `${period.from} 至 ${period.to}`
}

/** Dates are 'YYYY-MM-DD', so text order is date order. */
export function schemePeriodStatus(data: Pick<TollData, 'period'>, date: string): SchemePeriodStatus {
  const period = data.period.value
  const periodText = describeSchemePeriod(period)
  if (date < period.from) {
    return { state: 'not-started', date, period, periodText, text: `${date} “衢城畅行”尚未实施（实施期 ${periodText}）` }
  }
  if (period.to !== null && date > period.to) {
    return {
      state: 'after-period',
      date,
      period,
      periodText,
      text: `“衢城畅行”已知的实施期为 ${periodText}；${period.to} 之后是否延续待官方确认，官方公布前不能确定免费还是收费`,
    }
  }
  return { state: 'in-period', date, period, periodText, text: `${date} 在“衢城畅行”实施期内（${periodText}）` }
}
