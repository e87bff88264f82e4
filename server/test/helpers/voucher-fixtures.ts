/**
 * A rush batch (one round open now, quota and limits as asked) and residents by the thousand,
 * written straight to the store, for the voucher tests and the claim benchmark.
 */
import { randomUUID } from 'node:crypto'
import { toIsoShanghaiMs } from '../../../src/domain/time/shanghai'
import { VOUCHER_COUNTY_CODES } from '../../../src/domain/vouchers/places'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { sessionSignerFor, type SessionSigner } from '../../src/auth/signed-session'
import { hashToken, newSessionToken } from '../../src/auth/tokens'
import { importParsedFiles } from '../../src/content/import'
import { inMemoryFile } from '../../src/content/source-files'
import type { Db } from '../../src/store/db'

/** Rounded down to the minute, so the round's times are valid batch data. */
function minute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000
}

export function rushBatch(
  id: string,
  at: number,
  options: { quota: number; perRound?: number; perBatch?: number; extra?: Partial<VoucherBatch>; opensInMs?: number; lastsMs?: number },
): VoucherBatch {
  const opens = minute(at + (options.opensInMs ?? -3_600_000))
  const closes = minute(opens + (options.lastsMs ?? 3 * 3_600_000))
  return {
    id,
    title: `测试 ${id}`,
    sponsor: '测试',
    campaign: '测试',
    eventId: null,
    faceValueFen: 500,
    thresholdFen: 2000,
    limits: { perRound: options.perRound ?? 1, perBatch: options.perBatch ?? options.perRound ?? 1 },
    rounds: [{ id: 'r1', opensAt: toIsoShanghaiMs(opens), closesAt: toIsoShanghaiMs(closes), quota: options.quota }],
    validity: { kind: 'days-after-claim', days: 7, notAfter: null },
    merchants: { kind: 'categories', categories: ['catering', 'supermarket', 'retail'] },
    counties: [...VOUCHER_COUNTY_CODES],
    residentCounties: null,
    oneVoucherPerTransaction: true,
    merchantDailyCap: { count: null, amountFen: null },
    refund: 'restore-on-full-refund-within-validity',
    quotaReturn: { unclaimed: false, expired: false },
    budgetFen: options.quota * 500 * 10,
    provenance: { clause: '十五', source: '测试', status: 'provisional' },
    ...options.extra,
  }
}

export async function importBatches(db: Db, batches: VoucherBatch[]): Promise<void> {
  const result = await importParsedFiles(db, [inMemoryFile('test-batches', { batches })], { source: 'test' })
  if (!result.ok) throw new Error(`batch rejected: ${JSON.stringify(result.problems)}`)
}

/** `count` residents with a live WeChat session each (the bench runs a production server, which refuses development sign-in sessions); returns their ids and bearer tokens. */
export async function bulkResidents(
  db: Db,
  count: number,
  options: { county?: string | null; signer?: SessionSigner | null } = {},
): Promise<{ userId: string; token: string }[]> {
  // Residents' tokens are signed as the login signs them (issue 20), by default with the key a
  // server without SESSION_KEY_SECRET keeps in this store; signer null → opaque tokens.
  const signer = options.signer === undefined ? await sessionSignerFor(db, { production: false, sessionKeySecret: null }) : options.signer
  const county = options.county ?? null
  const [{ now }] = await db.query<{ now: Date }>('select now() as now')
  const expiresAt = new Date(now.getTime() + 86_400_000)
  const residents = Array.from({ length: count }, () => {
    const userId = randomUUID()
    const sessionId = randomUUID()
    const signed = signer?.issue({
      sessionId,
      userId,
      residentCounty: county,
      expiresAtMs: expiresAt.getTime(),
      createdAtMs: now.getTime(),
      dev: false,
    })
    return { userId, sessionId, token: signed ?? newSessionToken() }
  })
  const tag = randomUUID().slice(0, 8)
  for (let start = 0; start < count; start += 5000) {
    const slice = residents.slice(start, start + 5000)
    await db.query(
      `insert into users (id, openid, resident_county) select id, 'r' || $2 || '-' || n, $3 from unnest($1::uuid[]) with ordinality as u(id, n)`,
      [slice.map((resident) => resident.userId), `${tag}-${start}`, county],
    )
    await db.query(
      `insert into sessions (id, user_id, token_hash, login, created_at, expires_at)
       select s, u, h, 'wechat', $4, $5 from unnest($1::uuid[], $2::uuid[], $3::text[]) as x(s, u, h)`,
      [slice.map((resident) => resident.sessionId), slice.map((resident) => resident.userId), slice.map((resident) => hashToken(resident.token)), now, expiresAt],
    )
  }
  return residents.map(({ userId, token }) => ({ userId, token }))
}

/** Runs `tasks` with at most `limit` in flight; results in order. */
export async function inParallel<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count)
  let next = 0
  const workers = Array.from({ length: Math.min(limit, count) }, async () => {
    for (let index = next++; index < count; index = next++) results[index] = await task(index)
  })
  await Promise.all(workers)
  return results
}
