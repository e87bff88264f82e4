/**
 * The arithmetic of a subsidy, shared by every measure, with its working written out.
 *
 *   rate:  amount = min(round_half_up(price × rate), cap)            家电、家居、数码、家装、2026 汽车
 *   fixed: amount = min(fixed amount, price)                          2025 汽车报废更新
 *   tiers: amount = min(amount of the price's tier, cap, price)       2025 汽车置换更新
 *   sum:   amount = min(base + matching extras, price)                电动自行车
 *
 * Rounding is to the fen, half up (percentOf). A subsidy never exceeds what was paid.
 * `capBindsAboveFen` is the price above which the amount no longer grows, so a screen can say
 * "售价超过 ¥10,000 补贴不再增加".
 */
import { formatFen, percentOf, type Fen } from '../money'
import type { PriceTier } from '../policy/subsidy-rules'

export type AmountBasis = 'rate' | 'fixed' | 'tiers' | 'sum'

/** The working of one quote, as numbers for a screen to lay out and as one Chinese line. */
export interface SubsidyWorking {
  basis: AmountBasis
  priceFen: Fen
  ratePercent?: number
  /** Before the cap: price × rate rounded, the fixed amount, the tier's amount, or the sum. */
  rawFen: Fen
  capFen?: Fen
  /** The cap bound: rawFen was above capFen. */
  capped: boolean
  /** The amount was cut to the price paid. */
  limitedByPrice: boolean
  amountFen: Fen
  /** e.g. '¥5,000.00 × 20% = ¥1,000.00；封顶 ¥2,000.00'. */
  text: string
  /** For tiers: the tier applied; for sums: the parts added. */
  tier?: PriceTier
  parts?: Array<{ label: string; amountFen: Fen }>
}

export interface AmountOutcome {
  working: SubsidyWorking
  /** Above this price the amount stays the same (null never happens for these bases). */
  capBindsAboveFen: Fen
  /** Chinese sentence about where the amount stops growing. */
  capNote: string
}

export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(2))}%`
}

/** Displacement as printed on a car's papers: 2.0, 1.5. */
export function formatLitres(litres: number): string {
  return Number.isInteger(litres) ? litres.toFixed(1) : String(Number(litres.toFixed(2)))
}

const money = (fen: Fen) => formatFen(fen)
const shortMoney = (fen: Fen) => formatFen(fen, { trimZeros: true })

function limitToPrice(amountFen: Fen, priceFen: Fen): { amountFen: Fen; limitedByPrice: boolean } {
  return amountFen > priceFen ? { amountFen: priceFen, limitedByPrice: true } : { amountFen, limitedByPrice: false }
}

const PRICE_LIMIT_TEXT = (priceFen: Fen) => `；补贴不超过售价，按 ${money(priceFen)} 补贴`

/** price × rate, half up to the fen, then the cap. */
export function rateAmount(priceFen: Fen, ratePercent: number, capFen: Fen): AmountOutcome {
  const rawFen = percentOf(priceFen, ratePercent)
  const capped = rawFen > capFen
  const amountFen = capped ? capFen : rawFen
  const text = `${money(priceFen)} × ${formatPercent(ratePercent)} = ${money(rawFen)}；封顶 ${money(capFen)}${capped ? `，按 ${money(capFen)} 补贴` : ''}`
  // Above cap ÷ rate the exact product exceeds the cap, so rounding can no longer matter.
  const basisPoints = Math.round(ratePercent * 100)
  const capBindsAboveFen = Math.floor((capFen * 10000) / basisPoints)
  return {
    working: { basis: 'rate', priceFen, ratePercent, rawFen, capFen, capped, limitedByPrice: false, amountFen, text },
    capBindsAboveFen,
    capNote: `售价超过 ${shortMoney(capBindsAboveFen)} 补贴不再增加（封顶 ${shortMoney(capFen)}）`,
  }
}

export function fixedAmount(priceFen: Fen, fixedFen: Fen): AmountOutcome {
  const limited = limitToPrice(fixedFen, priceFen)
  return {
    working: {
      basis: 'fixed',
      priceFen,
      rawFen: fixedFen,
      capped: false,
      ...limited,
      text: `定额 ${money(fixedFen)}${limited.limitedByPrice ? PRICE_LIMIT_TEXT(priceFen) : ''}`,
    },
    capBindsAboveFen: fixedFen,
    capNote: `定额 ${shortMoney(fixedFen)}，不随售价增加`,
  }
}

function tierRangeText(tiers: PriceTier[], index: number): string {
  const next = tiers[index + 1]
  if (!next) return ` ${shortMoney(tiers[index].minPriceFen)} 及以上档`
  if (index === 0) return ` ${shortMoney(next.minPriceFen)} 以下档`
  return ` ${shortMoney(tiers[index].minPriceFen)}（含）至 ${shortMoney(next.minPriceFen)} 档`
}

/** `tiers` sorted by minPriceFen from 0 (the schema checks it). */
export function tierAmount(priceFen: Fen, tiers: PriceTier[], capFen: Fen): AmountOutcome {
  let index = 0
  tiers.forEach((tier, position) => {
    if (tier.minPriceFen <= priceFen) index = position
  })
  const tier = tiers[index]
  const rawFen = tier.amountFen
  const capped = rawFen > capFen
  const limited = limitToPrice(capped ? capFen : rawFen, priceFen)
  const text =
    `新车价 ${money(priceFen)}，属${tierRangeText(tiers, index)}：${money(rawFen)}；封顶 ${money(capFen)}` +
    `${capped ? `，按 ${money(capFen)} 补贴` : ''}${limited.limitedByPrice ? PRICE_LIMIT_TEXT(priceFen) : ''}`

  // The amount stops growing where the final run of equal (capped) tier amounts starts, and
  // once the price itself no longer limits it.
  const cappedAmounts = tiers.map((item) => Math.min(item.amountFen, capFen))
  const finalAmount = cappedAmounts[cappedAmounts.length - 1]
  let runStart = cappedAmounts.length - 1
  while (runStart > 0 && cappedAmounts[runStart - 1] === finalAmount) runStart -= 1
  const growsUntilFen = Math.max(tiers[runStart].minPriceFen, finalAmount)
  return {
    working: { basis: 'tiers', priceFen, rawFen, capFen, capped, ...limited, text, tier: { ...tier } },
    capBindsAboveFen: Math.max(growsUntilFen - 1, 0),
    capNote:
      runStart === 0
        ? `补贴 ${shortMoney(finalAmount)}，不随新车价增加`
        : `新车价达到 ${shortMoney(tiers[runStart].minPriceFen)} 及以上，补贴为 ${shortMoney(finalAmount)}，不再增加`,
  }
}

export function sumAmount(priceFen: Fen, parts: Array<{ label: string; amountFen: Fen }>): AmountOutcome {
  const rawFen = parts.reduce((total, part) => total + part.amountFen, 0)
  const limited = limitToPrice(rawFen, priceFen)
  const addition = parts.map((part) => `${part.label} ${money(part.amountFen)}`).join(' + ')
  const text = `${parts.length > 1 ? `${addition} = ${money(rawFen)}` : addition}${limited.limitedByPrice ? PRICE_LIMIT_TEXT(priceFen) : ''}`
  return {
    working: { basis: 'sum', priceFen, rawFen, capped: false, ...limited, text, parts: parts.map((part) => ({ ...part })) },
    capBindsAboveFen: rawFen,
    capNote: `定额 ${shortMoney(rawFen)}，不随售价增加`,
  }
}
