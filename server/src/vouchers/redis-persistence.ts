/**
 * Whether the Redis behind the claim gate keeps what it acknowledged (issue 16, gap 2). A claim
 * answered 201 exists only in Redis until the stream writer has put it in PostgreSQL, so a Redis
 * that forgets on restart forgets answered claims and sells their quota again. Redis writes its
 * append-only file before it sends the reply of the same event-loop turn, so with `appendonly yes`
 * a killed or restarted Redis process loses nothing it answered; what a crash of the whole machine
 * can lose depends on `appendfsync` (server/README.md, "Redis durability"):
 *   always   — nothing (an fsync per write);
 *   everysec — at most the last ~1 s of claims (2 s when the disk stalls);
 *   no       — whatever the kernel had not flushed, typically up to 30 s: refused in production.
 * Production refuses to start without append-only on and one of the first two; demo and
 * development start with a warning. A managed Redis that disables CONFIG can be vouched for with
 * REDIS_PERSISTENCE_ASSURED=true (the operator says the service keeps an AOF).
 */
import type { Redis } from 'ioredis'

export interface PersistenceSettings {
  appendonly: string | null
  appendfsync: string | null
}

export type PersistenceVerdict = { ok: true; lossOnMachineCrash: string } | { ok: false; reason: string }

/** What the settings promise, or why they do not keep acknowledged claims. */
export function judgePersistence(settings: PersistenceSettings): PersistenceVerdict {
  if (settings.appendonly !== 'yes')
    return { ok: false, reason: `Redis 未开启 AOF 持久化（appendonly=${settings.appendonly ?? '未知'}）：Redis 重启会丢失已答复的领券` }
  if (settings.appendfsync === 'always') return { ok: true, lossOnMachineCrash: 'none (appendfsync always)' }
  if (settings.appendfsync === 'everysec') return { ok: true, lossOnMachineCrash: 'up to ~1 s of claims (appendfsync everysec)' }
  return {
    ok: false,
    reason: `Redis 的 appendfsync=${settings.appendfsync ?? '未知'}：机器宕机可能丢失最多约 30 秒已答复的领券，请设为 everysec 或 always`,
  }
}

/** CONFIG GET appendonly / appendfsync; null when CONFIG is not allowed (managed Redis, renamed command). */
export async function readPersistence(redis: Redis): Promise<PersistenceSettings | null> {
  try {
    const [appendonly, appendfsync] = await Promise.all([
      redis.config('GET', 'appendonly') as Promise<string[]>,
      redis.config('GET', 'appendfsync') as Promise<string[]>,
    ])
    return { appendonly: appendonly[1] ?? null, appendfsync: appendfsync[1] ?? null }
  } catch {
    return null
  }
}

export type PersistencePolicy = 'require' | 'warn' | 'assured' | 'skip'

export class RedisPersistenceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RedisPersistenceError'
  }
}

/**
 * The start-up check: throws RedisPersistenceError under 'require' when the settings do not keep
 * acknowledged claims (or cannot be read); logs a warning under 'warn'; says what it found.
 */
export async function checkPersistence(
  redis: Redis,
  policy: PersistencePolicy,
  log?: { warn(obj: unknown, msg?: string): void; info?(obj: unknown, msg?: string): void },
): Promise<PersistenceVerdict | null> {
  if (policy === 'skip') return null
  if (policy === 'assured') {
    log?.info?.({}, 'REDIS_PERSISTENCE_ASSURED: the Redis persistence settings are taken on trust')
    return null
  }
  const settings = await readPersistence(redis)
  const verdict: PersistenceVerdict = settings
    ? judgePersistence(settings)
    : {
        ok: false,
        reason: '无法读取 Redis 的持久化设置（CONFIG GET 被禁用）；托管 Redis 确认已开启 AOF 时可设 REDIS_PERSISTENCE_ASSURED=true',
      }
  if (verdict.ok) return verdict
  if (policy === 'require') throw new RedisPersistenceError(`生产环境拒绝启动：${verdict.reason}`)
  log?.warn({ reason: verdict.reason }, 'Redis does not keep acknowledged claims across a restart (allowed outside production)')
  return verdict
}
