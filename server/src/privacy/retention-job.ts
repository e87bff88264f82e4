/**
 * The retention purge (docs/PRIVACY.md): every PURGE_INTERVAL_MINUTES it deletes sessions, send
 * log entries and staff refusals older than their retention. `npm start` and a production
 * server start it; tests call `purge()` with their own clock.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../store/db'
import { purgeExpiredPersonalData, type Purged, type Retention } from '../store/privacy'

export class RetentionJob {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<Purged> | null = null

  constructor(
    private readonly db: Db,
    private readonly retention: Retention & { intervalMs: number },
    private readonly now: () => Date,
    private readonly log: FastifyBaseLogger,
  ) {}

  purge(at: Date = this.now()): Promise<Purged> {
    this.running ??= purgeExpiredPersonalData(this.db, at, this.retention).finally(() => {
      this.running = null
    })
    return this.running
  }

  start(): void {
    if (this.timer) return
    const run = () => {
      this.purge().then(
        (purged) => {
          if (purged.sessions + purged.sendLog + purged.refusals > 0) this.log.info({ purged }, 'retention purge')
        },
        (error: unknown) => this.log.error({ err: error }, 'retention purge failed'),
      )
    }
    run()
    this.timer = setInterval(run, this.retention.intervalMs)
    this.timer.unref()
  }

  /** Stops the timer and waits for a purge in hand, so the store can close after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => undefined)
  }
}
