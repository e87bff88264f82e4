/**
 * The content a fresh server starts with, generated for "today in Shanghai" so that whenever it
 * is imported the app shows a round open now, rounds about to open, events coming up and vouchers
 * about to expire. It is assembled from what each domain area ships, never written twice:
 * sample merchants and batches (vouchers/samples.ts, titles marked 示例), sample events
 * (events/sample-events.ts, marked 示例), the real 2025 events (events/real-events-2025.ts,
 * not samples), and the policy data version. 衢城畅行 stations are the bundled list
 * (policy/toll-stations.ts) until an operator imports a toll override.
 */
import type { ContentBundleInput } from '../../../src/domain/content'
import { realEvents2025 } from '../../../src/domain/events/real-events-2025'
import { sampleEvents } from '../../../src/domain/events/sample-events'
import { CITY_DOCUMENT } from '../../../src/domain/policy/types'
import { todayInShanghai } from '../../../src/domain/time'
import { sampleVoucherContent } from '../../../src/domain/vouchers/samples'

export function generateSampleContent(now: Date = new Date()): ContentBundleInput {
  const today = todayInShanghai(now.getTime())
  const { batches, merchants } = sampleVoucherContent(today)
  const linkedBatches = batches.filter((batch) => batch.campaign === '乐享衢州·有礼惠购').map((batch) => batch.id)
  return {
    policy: {
      version: '2025.1',
      title: '衢州市 2025 年惠民政策数据',
      document: CITY_DOCUMENT,
      publishedOn: '2025-04-11',
      effective: { from: '2025-01-01', to: '2025-12-31' },
      note: '随应用发布的数据版本；运营方可用导入命令更正',
    },
    merchants,
    batches,
    events: [...sampleEvents(today, { voucherBatchIds: linkedBatches }), ...realEvents2025],
  }
}
