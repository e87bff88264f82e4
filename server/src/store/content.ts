/**
 * Content tables: each row keeps the validated document (jsonb) and the columns its listing
 * filters on, computed by src/domain/content/spans so the app and server agree on "upcoming".
 * Writes are upserts by id; an import runs them all in one transaction (content/import.ts).
 */
import { randomUUID } from 'node:crypto'
import { batchSpan, eventSpan, type ContentBundle, type PolicyVersion } from '../../../src/domain/content'
import type { CityEvent } from '../../../src/domain/events/model'
import { applySubsidyOverrides } from '../../../src/domain/policy/subsidy-overrides'
import { BUNDLED_SUBSIDY_RULE_SETS } from '../../../src/domain/policy/subsidy-rule-sets'
import type { SubsidyRuleSet } from '../../../src/domain/policy/subsidy-rules'
import { applyTollOverride } from '../../../src/domain/policy/toll-overrides'
import { BUNDLED_TOLL_DATA, type TollData } from '../../../src/domain/policy/toll-scheme'
import type { Merchant, VoucherBatch } from '../../../src/domain/vouchers/schema'
import { toIsoShanghai } from '../../../src/domain/time'
import { parseIsoInstant } from '../../../src/domain/time/shanghai'
import type { Queryable } from './db'

export type WithUpdatedAt<T> = T & { updatedAt: string }

interface DocRow {
  doc: Record<string, unknown>
  imported_at: Date
  [key: string]: unknown
}

function withUpdatedAt<T>(row: DocRow): WithUpdatedAt<T> {
  return { ...(row.doc as T), updatedAt: toIsoShanghai(row.imported_at) }
}

const json = (value: unknown) => JSON.stringify(value)

export async function upsertPolicyVersion(q: Queryable, policy: PolicyVersion): Promise<void> {
  await q.query(
    `insert into policy_versions (version, published_on, effective_from, effective_to, doc) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (version) do update set published_on = excluded.published_on, effective_from = excluded.effective_from,
       effective_to = excluded.effective_to, doc = excluded.doc, imported_at = now()`,
    [policy.version, policy.publishedOn, policy.effective.from, policy.effective.to, json(policy)],
  )
}

export type OverrideKind = 'subsidy' | 'toll'

export async function putOverride(q: Queryable, kind: OverrideKind, doc: unknown): Promise<void> {
  await q.query(
    `insert into policy_overrides (kind, doc) values ($1, $2::jsonb)
     on conflict (kind) do update set doc = excluded.doc, imported_at = now()`,
    [kind, json(doc)],
  )
}

export async function upsertMerchant(q: Queryable, merchant: Merchant): Promise<void> {
  await q.query(
    `insert into merchants (id, name, county, category, doc) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (id) do update set name = excluded.name, county = excluded.county, category = excluded.category,
       doc = excluded.doc, imported_at = now()`,
    [merchant.id, merchant.name, merchant.county, merchant.category, json(merchant)],
  )
}

export async function upsertBatch(q: Queryable, batch: VoucherBatch): Promise<void> {
  const span = batchSpan(batch)
  await q.query(
    `insert into voucher_batches (id, counties, event_id, claim_opens_at, claim_closes_at, usable_until, doc)
     values ($1, $2::text[], $3, $4, $5, $6, $7::jsonb)
     on conflict (id) do update set counties = excluded.counties, event_id = excluded.event_id,
       claim_opens_at = excluded.claim_opens_at, claim_closes_at = excluded.claim_closes_at,
       usable_until = excluded.usable_until, doc = excluded.doc, imported_at = now()`,
    [batch.id, batch.counties, batch.eventId, new Date(span.claimOpensAtMs), new Date(span.claimClosesAtMs), new Date(span.usableUntilMs), json(batch)],
  )
  const roundIds = batch.rounds.map((round) => round.id)
  await q.query('delete from voucher_rounds where batch_id = $1 and not (id = any($2::text[]))', [batch.id, roundIds])
  for (const [position, round] of batch.rounds.entries()) {
    await q.query(
      `insert into voucher_rounds (batch_id, id, position, opens_at, closes_at, quota) values ($1, $2, $3, $4, $5, $6)
       on conflict (batch_id, id) do update set position = excluded.position, opens_at = excluded.opens_at,
         closes_at = excluded.closes_at, quota = excluded.quota`,
      [batch.id, round.id, position, new Date(parseIsoInstant(round.opensAt)), new Date(parseIsoInstant(round.closesAt)), round.quota],
    )
  }
}

export async function upsertEvent(q: Queryable, event: CityEvent): Promise<void> {
  const span = eventSpan(event)
  await q.query(
    `insert into events (id, type, county, starts_at, ends_at, admission, status, sample, doc)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
     on conflict (id) do update set type = excluded.type, county = excluded.county, starts_at = excluded.starts_at,
       ends_at = excluded.ends_at, admission = excluded.admission, status = excluded.status, sample = excluded.sample,
       doc = excluded.doc, imported_at = now()`,
    [event.id, event.type, event.county, new Date(span.startsAtMs), new Date(span.endsAtMs), event.admission.kind, event.status, event.provenance.sample, json(event)],
  )
}

export interface ContentCounts {
  policy: number
  subsidyOverrides: number
  tollOverride: number
  merchants: number
  batches: number
  events: number
}

/** Writes bundles in dependency order (merchants before the batches and users naming them). */
export async function applyBundles(q: Queryable, bundles: readonly ContentBundle[]): Promise<ContentCounts> {
  const counts: ContentCounts = { policy: 0, subsidyOverrides: 0, tollOverride: 0, merchants: 0, batches: 0, events: 0 }
  for (const bundle of bundles) {
    if (bundle.policy) {
      await upsertPolicyVersion(q, bundle.policy)
      counts.policy += 1
    }
    if (bundle.subsidyOverrides !== undefined) {
      await putOverride(q, 'subsidy', bundle.subsidyOverrides)
      counts.subsidyOverrides += 1
    }
    if (bundle.tollOverride !== undefined) {
      await putOverride(q, 'toll', bundle.tollOverride)
      counts.tollOverride += 1
    }
    for (const merchant of bundle.merchants ?? []) await upsertMerchant(q, merchant)
    counts.merchants += bundle.merchants?.length ?? 0
  }
  for (const bundle of bundles) {
    for (const batch of bundle.batches ?? []) await upsertBatch(q, batch)
    for (const event of bundle.events ?? []) await upsertEvent(q, event)
    counts.batches += bundle.batches?.length ?? 0
    counts.events += bundle.events?.length ?? 0
  }
  return counts
}

export async function recordImport(q: Queryable, source: string, files: readonly string[], counts: ContentCounts): Promise<string> {
  const id = randomUUID()
  await q.query('insert into content_imports (id, source, files, counts) values ($1, $2, $3::jsonb, $4::jsonb)', [id, source, json(files), json(counts)])
  return id
}

export async function hasImportedContent(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ any: boolean }>('select exists (select 1 from content_imports) as any')
  return row.any
}

export async function knownContentIds(q: Queryable): Promise<{ merchants: Set<string>; batches: Set<string>; events: Set<string> }> {
  const ids = async (table: string) => new Set((await q.query<{ id: string }>(`select id from ${table}`)).map((row) => row.id))
  return { merchants: await ids('merchants'), batches: await ids('voucher_batches'), events: await ids('events') }
}

// Reads ------------------------------------------------------------------------------------------

export interface StoredOverride {
  kind: OverrideKind
  /** The document as the operator imported it; the app applies it over its bundled data. */
  document: unknown
  updatedAt: string
}

export async function getPolicy(q: Queryable): Promise<{ version: WithUpdatedAt<PolicyVersion> | null; overrides: StoredOverride[] }> {
  const [version] = await q.query<DocRow>('select doc, imported_at from policy_versions order by effective_from desc, published_on desc, version desc limit 1')
  const overrides = await q.query<DocRow & { kind: OverrideKind }>('select kind, doc, imported_at from policy_overrides order by kind')
  return {
    version: version ? withUpdatedAt<PolicyVersion>(version) : null,
    overrides: overrides.map((row) => ({ kind: row.kind, document: row.doc, updatedAt: toIsoShanghai(row.imported_at) })),
  }
}

export interface SubsidyRuleSetsInForce {
  ruleSets: readonly SubsidyRuleSet[]
  /** When the applied override was imported; null when the bundled sets stand. */
  updatedAt: string | null
  /** The stored override's `note` (e.g. "2026-03 家电补贴标准调整"), shown beside "运营方更新于". */
  note: string | null
  overrideProblem: string | null
}

// Applying an override validates every rule set (zod): done once per stored document, not per request.
let lastSubsidy: { key: string; result: SubsidyRuleSetsInForce } | null = null

/**
 * The trade-in rule sets in force (clause 十四): the bundled sets with the operator's subsidy
 * override applied. The override was validated on import against the same sets, so it applies; if
 * a later release changed them so that it no longer does, the bundled sets stand and the reason is
 * returned — what the app does with the same document.
 */
export async function getSubsidyRuleSets(q: Queryable): Promise<SubsidyRuleSetsInForce> {
  const [row] = await q.query<DocRow>("select doc, imported_at from policy_overrides where kind = 'subsidy'")
  if (!row) return { ruleSets: BUNDLED_SUBSIDY_RULE_SETS, updatedAt: null, note: null, overrideProblem: null }
  const updatedAt = toIsoShanghai(row.imported_at)
  const key = `${updatedAt} ${json(row.doc)}`
  if (lastSubsidy?.key === key) return lastSubsidy.result
  const applied = applySubsidyOverrides(BUNDLED_SUBSIDY_RULE_SETS, row.doc, 'store')
  const result: SubsidyRuleSetsInForce = applied.ok
    ? { ruleSets: applied.ruleSets, updatedAt, note: typeof row.doc.note === 'string' ? row.doc.note : null, overrideProblem: null }
    : {
        ruleSets: BUNDLED_SUBSIDY_RULE_SETS,
        updatedAt: null,
        note: null,
        overrideProblem: applied.errors.map((error) => `${error.path} ${error.reason}`).join('；'),
      }
  lastSubsidy = { key, result }
  return result
}

/**
 * The 衢城畅行 data in force: the bundled data with the operator's toll override applied. The
 * override was validated on import against the same base, so it applies; if a later release
 * changed the base so that it no longer does, the bundled data stands and the reason is returned.
 */
export async function getTollData(q: Queryable): Promise<{ data: TollData; updatedAt: string | null; overrideProblem: string | null }> {
  const [row] = await q.query<DocRow>("select doc, imported_at from policy_overrides where kind = 'toll'")
  if (!row) return { data: BUNDLED_TOLL_DATA, updatedAt: null, overrideProblem: null }
  const applied = applyTollOverride(row.doc, 'store')
  if (!applied.ok) return { data: BUNDLED_TOLL_DATA, updatedAt: null, overrideProblem: applied.errors.map((error) => `${error.path} ${error.reason}`).join('；') }
  return { data: applied.data, updatedAt: toIsoShanghai(row.imported_at), overrideProblem: null }
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface EventFilter {
  from: Date
  to: Date
  type?: string
  county?: string
  admission?: string
  limit: number
  offset: number
}

/** Events whose span overlaps [from, to), earliest first. */
export async function listEvents(q: Queryable, filter: EventFilter): Promise<Page<WithUpdatedAt<CityEvent>>> {
  const where = `starts_at < $2 and ends_at > $1 and ($3::text is null or type = $3) and ($4::text is null or county = $4)
    and ($5::text is null or admission = $5)`
  const params = [filter.from, filter.to, filter.type ?? null, filter.county ?? null, filter.admission ?? null]
  const rows = await q.query<DocRow>(`select doc, imported_at from events where ${where} order by starts_at, id limit $6 offset $7`, [...params, filter.limit, filter.offset])
  const [{ total }] = await q.query<{ total: number }>(`select count(*)::int as total from events where ${where}`, params)
  return { items: rows.map((row) => withUpdatedAt<CityEvent>(row)), total }
}

export async function getEvent(q: Queryable, id: string): Promise<WithUpdatedAt<CityEvent> | null> {
  const [row] = await q.query<DocRow>('select doc, imported_at from events where id = $1', [id])
  return row ? withUpdatedAt<CityEvent>(row) : null
}

export type BatchState = 'current' | 'claimable' | 'upcoming' | 'ended' | 'all'

/**
 * current: still claimable or usable; claimable: a claim window spans now; upcoming: not open yet;
 * ended: nothing left to claim or use.
 */
export async function listBatches(q: Queryable, filter: { state: BatchState; county?: string; now: Date }): Promise<WithUpdatedAt<VoucherBatch>[]> {
  const stateClause: Record<BatchState, string> = {
    current: 'usable_until > $1',
    claimable: 'claim_opens_at <= $1 and claim_closes_at > $1',
    upcoming: 'claim_opens_at > $1',
    ended: 'usable_until <= $1',
    all: '$1::timestamptz is not null',
  }
  const rows = await q.query<DocRow>(
    `select doc, imported_at from voucher_batches where ${stateClause[filter.state]} and ($2::text is null or $2 = any(counties))
     order by claim_opens_at, id limit 500`,
    [filter.now, filter.county ?? null],
  )
  return rows.map((row) => withUpdatedAt<VoucherBatch>(row))
}

export async function getBatch(q: Queryable, id: string): Promise<WithUpdatedAt<VoucherBatch> | null> {
  const [row] = await q.query<DocRow>('select doc, imported_at from voucher_batches where id = $1', [id])
  return row ? withUpdatedAt<VoucherBatch>(row) : null
}

export interface MerchantFilter {
  county?: string
  category?: string
  /** Part of the name. */
  query?: string
  limit: number
  offset: number
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

export async function listMerchants(q: Queryable, filter: MerchantFilter): Promise<Page<WithUpdatedAt<Merchant>>> {
  const where = `($1::text is null or county = $1) and ($2::text is null or category = $2) and ($3::text is null or name like $3)`
  const params = [filter.county ?? null, filter.category ?? null, filter.query ? likePattern(filter.query) : null]
  const rows = await q.query<DocRow>(`select doc, imported_at from merchants where ${where} order by county, name, id limit $4 offset $5`, [...params, filter.limit, filter.offset])
  const [{ total }] = await q.query<{ total: number }>(`select count(*)::int as total from merchants where ${where}`, params)
  return { items: rows.map((row) => withUpdatedAt<Merchant>(row)), total }
}

export async function getMerchant(q: Queryable, id: string): Promise<WithUpdatedAt<Merchant> | null> {
  const [row] = await q.query<DocRow>('select doc, imported_at from merchants where id = $1', [id])
  return row ? withUpdatedAt<Merchant>(row) : null
}
