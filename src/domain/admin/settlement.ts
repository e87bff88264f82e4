/**
 * Settlement (对账) of voucher redemptions per merchant, per Shanghai day and per batch (clause
 * 十五: the programme pays merchants the discounts of the vouchers they redeemed). A full refund
 * inside the voucher's validity gives the voucher back (refund.ts) and its discount is not paid;
 * any other refund leaves the voucher used and the discount paid. So per row:
 *   netFen = discountFen − restoredFen
 * and the net over all rows equals what the batches' budgets record as paid out.
 */
import { formatFen, type Fen } from '../money'
import type { Settlement, SettlementRow } from './schemas'

export interface RedemptionRecord {
  day: string
  merchantId: string
  merchantName: string
  county: string
  batchId: string
  batchTitle: string
  faceValueFen: Fen
  orderAmountFen: Fen
  discountFen: Fen
  /** null: not refunded; true: refunded and the voucher restored; false: refunded, voucher kept used. */
  refundRestored: boolean | null
}

const TOTAL_KEYS = ['redemptions', 'orderAmountFen', 'discountFen', 'restoredRefunds', 'restoredFen', 'keptRefunds', 'netFen'] as const

export function summariseSettlement(from: string, to: string, records: readonly RedemptionRecord[]): Settlement {
  const rows = new Map<string, SettlementRow>()
  for (const record of records) {
    const key = `${record.day}\n${record.merchantId}\n${record.batchId}`
    let row = rows.get(key)
    if (!row) {
      row = {
        day: record.day,
        merchantId: record.merchantId,
        merchantName: record.merchantName,
        county: record.county,
        batchId: record.batchId,
        batchTitle: record.batchTitle,
        faceValueFen: record.faceValueFen,
        redemptions: 0,
        orderAmountFen: 0,
        discountFen: 0,
        restoredRefunds: 0,
        restoredFen: 0,
        keptRefunds: 0,
        netFen: 0,
      }
      rows.set(key, row)
    }
    row.redemptions += 1
    row.orderAmountFen += record.orderAmountFen
    row.discountFen += record.discountFen
    if (record.refundRestored === true) {
      row.restoredRefunds += 1
      row.restoredFen += record.discountFen
    } else if (record.refundRestored === false) {
      row.keptRefunds += 1
    }
    row.netFen = row.discountFen - row.restoredFen
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.merchantId.localeCompare(b.merchantId) || a.batchId.localeCompare(b.batchId),
  )
  const totals = Object.fromEntries(TOTAL_KEYS.map((key) => [key, sorted.reduce((sum, row) => sum + row[key], 0)])) as Settlement['totals']
  return { from, to, rows: sorted, totals }
}

/** Column titles and cell values, shared by the CSV and the XLSX export. */
export const SETTLEMENT_COLUMNS: { title: string; value: (row: SettlementRow) => string | number; money?: boolean }[] = [
  { title: '核销日期', value: (row) => row.day },
  { title: '商户编号', value: (row) => row.merchantId },
  { title: '商户名称', value: (row) => row.merchantName },
  { title: '区县', value: (row) => row.county },
  { title: '批次编号', value: (row) => row.batchId },
  { title: '批次名称', value: (row) => row.batchTitle },
  { title: '面额（元）', value: (row) => row.faceValueFen, money: true },
  { title: '核销笔数', value: (row) => row.redemptions },
  { title: '订单金额（元）', value: (row) => row.orderAmountFen, money: true },
  { title: '抵扣金额（元）', value: (row) => row.discountFen, money: true },
  { title: '全额退款退回张数', value: (row) => row.restoredRefunds },
  { title: '退回抵扣（元）', value: (row) => row.restoredFen, money: true },
  { title: '退款未退回张数', value: (row) => row.keptRefunds },
  { title: '应结算金额（元）', value: (row) => row.netFen, money: true },
]

/** Yuan with two decimals and no symbol or separators, so a spreadsheet reads it as a number. */
export function fenToYuanText(fen: Fen): string {
  return formatFen(fen, { symbol: false }).replace(/,/g, '')
}

export function csvCell(value: string | number): string {
  const text = String(value)
  // A cell starting with = + - @ would be a formula in Excel (CSV injection): quote it as text.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** CSV with a BOM (Excel on Chinese Windows opens UTF-8 correctly only with it) and a 合计 line. */
export function settlementCsv(settlement: Settlement): string {
  const lines = [SETTLEMENT_COLUMNS.map((column) => csvCell(column.title)).join(',')]
  for (const row of settlement.rows) {
    lines.push(SETTLEMENT_COLUMNS.map((column) => csvCell(column.money ? fenToYuanText(column.value(row) as number) : column.value(row))).join(','))
  }
  const t = settlement.totals
  const totalRow: Record<string, string | number> = {
    核销日期: '合计',
    核销笔数: t.redemptions,
    '订单金额（元）': fenToYuanText(t.orderAmountFen),
    '抵扣金额（元）': fenToYuanText(t.discountFen),
    全额退款退回张数: t.restoredRefunds,
    '退回抵扣（元）': fenToYuanText(t.restoredFen),
    退款未退回张数: t.keptRefunds,
    '应结算金额（元）': fenToYuanText(t.netFen),
  }
  lines.push(SETTLEMENT_COLUMNS.map((column) => csvCell(totalRow[column.title] ?? '')).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
