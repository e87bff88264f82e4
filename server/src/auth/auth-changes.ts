/**
 * What the store noted since a signed session began (migration 0018: revoked or shortened
 * sessions; users whose role, merchant or county changed; deletions), read by every server
 * process twice a second. A signed token is believed without a read only when nothing was noted
 * for its session or its user from a minute before the session began (the login read the user
 * and then created the session: a change between the two is caught by that minute), and only
 * while the notes are fresh: if they could not be read for READ_STALE_MS, every token is read
 * from the store again, as before issue 20.
 */
import type { Db } from '../store/db'
import type { SessionFacts } from './signed-session'

const READ_EVERY_MS = 500
const READ_STALE_MS = 3000
/** Notes are read again this far back each time: a transaction that noted early and committed late is still seen. */
const OVERLAP_MS = 30_000
/** A change noted up to this long before a session began makes its token read from the store. */
const BEFORE_SESSION_MS = 60_000

export class AuthChanges {
  /** Noted instants (the store's clock, epoch ms) per user and per session, the latest of each. */
  private readonly users = new Map<string, number>()
  private readonly sessions = new Map<string, number>()
  private readUpTo = -Infinity
  private readAt = -Infinity
  private timer: NodeJS.Timeout | null = null
  private reading: Promise<void> | null = null
  private lastPurge = -Infinity

  constructor(
    private readonly db: Db,
    /** The longest a session lives: notes older than that cannot concern a live token. */
    private readonly keepMs: number,
    private readonly log?: { warn(obj: unknown, msg?: string): void },
  ) {}

  /** Reads every note that may concern a live session, then keeps reading twice a second. */
  async start(): Promise<void> {
    await this.read()
    this.timer = setInterval(() => void this.read().catch((error: unknown) => this.log?.warn({ err: error }, 'auth changes: read failed')), READ_EVERY_MS)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Whether a signed token's facts still hold: nothing noted for it, and the notes are fresh. */
  trusts(facts: SessionFacts): boolean {
    if (performance.now() - this.readAt > READ_STALE_MS) return false
    const since = facts.createdAtMs - BEFORE_SESSION_MS
    const user = this.users.get(facts.userId)
    if (user !== undefined && user >= since) return false
    return this.sessions.get(facts.sessionId) === undefined
  }

  /**
   * A change this process made itself (a resident's county): believed at once, before the note is
   * read back. No instant is known on the store's clock, so none of the user's tokens is believed
   * here any more (they are read from the store instead).
   */
  noteUser(userId: string): void {
    this.users.set(userId, Infinity)
  }

  /** Reads the notes since the last read (single-flight). */
  read(): Promise<void> {
    this.reading ??= this.readOnce().finally(() => {
      this.reading = null
    })
    return this.reading
  }

  private async readOnce(): Promise<void> {
    const started = performance.now()
    // The store's clock comes with the notes (one row of nulls when there are none).
    const since = Number.isFinite(this.readUpTo) ? this.readUpTo - OVERLAP_MS : null
    const rows = await this.db.query<{ now: Date; at: Date | null; user_id: string | null; session_id: string | null }>(
      `with clock as (select now() as now)
       select clock.now, notes.at, notes.user_id, notes.session_id
       from clock left join auth_changes as notes
         on notes.at > coalesce($1::timestamptz, clock.now - $2::bigint * interval '1 millisecond')
       order by notes.at`,
      [since === null ? null : new Date(since), this.keepMs + BEFORE_SESSION_MS],
    )
    for (const row of rows) {
      this.readUpTo = Math.max(this.readUpTo, row.now.getTime())
      if (row.at === null || row.user_id === null) continue
      const at = row.at.getTime()
      const map = row.session_id === null ? this.users : this.sessions
      const id = row.session_id ?? row.user_id
      if (!((map.get(id) ?? -Infinity) >= at)) map.set(id, at)
      this.readUpTo = Math.max(this.readUpTo, at)
    }
    this.readAt = started
    if (started - this.lastPurge > 3_600_000) {
      this.lastPurge = started
      await this.purge()
    }
  }

  /** Forgets notes older than any live session (here and in the store). */
  private async purge(): Promise<void> {
    const before = this.readUpTo - this.keepMs - BEFORE_SESSION_MS
    for (const map of [this.users, this.sessions]) for (const [id, at] of map) if (at < before) map.delete(id)
    await this.db.query(`delete from auth_changes where at < now() - $1::bigint * interval '1 millisecond'`, [this.keepMs + 2 * BEFORE_SESSION_MS])
  }
}
