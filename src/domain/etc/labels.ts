/**
 * Plain words for the vehicle classes (JT/T 489-2019 客车 classes) and ETC card types that clause
 * (二十六) turns on, used in verdict reasons and by the 我的车 form.
 */
import type { EtcCard, VehicleClass } from '../policy/toll-scheme'

export const VEHICLE_CLASS_LABEL: Record<VehicleClass, string> = {
  1: '一类客车（9 座及以下小客车）',
  2: '二类客车（10–19 座）',
  3: '三类客车（20–39 座）',
  4: '四类客车（40 座及以上）',
}

export const ETC_CARD_LABEL: Record<EtcCard, string> = {
  postpaid: 'ETC 记账卡',
  prepaid: 'ETC 储值卡',
  none: '不使用 ETC',
}

/** How to tell the two cards apart without knowing the jargon. */
export const ETC_CARD_HINT: Record<Exclude<EtcCard, 'none'>, string> = {
  postpaid: '记账卡：绑定银行卡或信用卡，先通行、后从卡里扣费，不用提前充值（卡面或发卡 App 上写“记账卡”）',
  prepaid: '储值卡：要先往卡里充值才能通行，余额用完需再充（卡面或发卡 App 上写“储值卡”）',
}
