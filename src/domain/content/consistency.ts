/**
 * Checks that need every file of an import at once: an id used twice, an event linking a voucher
 * batch nobody defined, a batch naming a merchant that does not exist. An import is all or
 * nothing, so one problem here rejects the whole set (CONVENTIONS: operator overrides).
 */
import { SINGLE_DOCUMENT_KINDS, type ContentBundle } from './bundle'

export type ContentPath = ReadonlyArray<string | number>

export interface ContentProblem {
  file: string
  path: ContentPath
  reason: string
}

export interface LocatedBundle {
  file: string
  bundle: ContentBundle
}

/** Ids already in the store, which imported documents may refer to. */
export interface KnownContentIds {
  merchants: ReadonlySet<string>
  batches: ReadonlySet<string>
  events: ReadonlySet<string>
}

type IdKind = 'merchants' | 'batches' | 'events'

const KIND_LABEL: Record<IdKind, string> = {
  merchants: '商户',
  batches: '消费券批次',
  events: '活动',
}

const SINGLE_LABEL: Record<(typeof SINGLE_DOCUMENT_KINDS)[number], string> = {
  policy: '政策数据版本',
  subsidyOverrides: '以旧换新补贴覆盖文件',
  tollOverride: '衢城畅行数据覆盖',
}

export function checkContentConsistency(bundles: readonly LocatedBundle[], known: KnownContentIds): ContentProblem[] {
  const problems: ContentProblem[] = []
  const firstSeen = new Map<string, { file: string; path: ContentPath }>()

  const claimId = (kind: IdKind, id: string, file: string, path: ContentPath) => {
    const key = `${kind}:${id}`
    const earlier = firstSeen.get(key)
    if (earlier) {
      problems.push({ file, path, reason: `${KIND_LABEL[kind]} ${id} 重复（已在 ${earlier.file} ${formatPath(earlier.path)} 出现）` })
    } else {
      firstSeen.set(key, { file, path })
    }
  }

  const singleFile = new Map<string, string>()
  for (const { file, bundle } of bundles) {
    for (const kind of SINGLE_DOCUMENT_KINDS) {
      if (bundle[kind] === undefined) continue
      const earlier = singleFile.get(kind)
      if (earlier) problems.push({ file, path: [kind], reason: `${SINGLE_LABEL[kind]}一次只能导入一份（已在 ${earlier} 给出）` })
      else singleFile.set(kind, file)
    }
    bundle.merchants?.forEach((merchant, index) => claimId('merchants', merchant.id, file, ['merchants', index, 'id']))
    bundle.batches?.forEach((batch, index) => claimId('batches', batch.id, file, ['batches', index, 'id']))
    bundle.events?.forEach((event, index) => claimId('events', event.id, file, ['events', index, 'id']))
  }

  const merchantExists = (id: string) => known.merchants.has(id) || firstSeen.has(`merchants:${id}`)
  const batchExists = (id: string) => known.batches.has(id) || firstSeen.has(`batches:${id}`)
  const eventExists = (id: string) => known.events.has(id) || firstSeen.has(`events:${id}`)

  for (const { file, bundle } of bundles) {
    bundle.batches?.forEach((batch, batchIndex) => {
      if (batch.eventId !== null && !eventExists(batch.eventId)) {
        problems.push({ file, path: ['batches', batchIndex, 'eventId'], reason: `找不到活动 ${batch.eventId}：请先导入该活动，或在同一批文件中给出` })
      }
      if (batch.merchants.kind !== 'merchants') return
      batch.merchants.merchantIds.forEach((merchantId, index) => {
        if (!merchantExists(merchantId)) {
          problems.push({ file, path: ['batches', batchIndex, 'merchants', 'merchantIds', index], reason: `找不到商户 ${merchantId}：请先导入该商户，或在同一批文件中给出` })
        }
      })
    })
    bundle.events?.forEach((event, eventIndex) => {
      event.voucherBatchIds.forEach((batchId, index) => {
        if (!batchExists(batchId)) {
          problems.push({ file, path: ['events', eventIndex, 'voucherBatchIds', index], reason: `找不到消费券批次 ${batchId}：请先导入该批次，或在同一批文件中给出` })
        }
      })
    })
  }
  return problems
}

/** `events[2].venue.name` — the form error messages and the import CLI print. */
export function formatPath(path: ContentPath): string {
  if (path.length === 0) return '(文件顶层)'
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '')
}
