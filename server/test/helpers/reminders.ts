/**
 * Shared by the reminder tests: the store engines to run on (PGlite always; PostgreSQL in a
 * throwaway schema when TEST_DATABASE_URL is set), real-looking template ids, WeChat residents
 * (logged in through the fake code2Session, so they have an openid) and raw reads of the queue.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadReminderConfig, type ReminderConfig } from '../../src/reminders/config'
import { openDb, type Db } from '../../src/store/db'
import { dropSchema } from '../../src/store/postgres-db'
import type { Harness } from './harness'

export const TEMPLATES = {
  'round-opening': 'tmpl-round-opening-0001',
  'voucher-expiring': 'tmpl-voucher-expiring-02',
  'event-starting': 'tmpl-event-starting-0003',
  'rule-set-ending': 'tmpl-rule-set-ending-004',
  'rule-published': 'tmpl-rule-published-0005',
  'toll-period-ending': 'tmpl-toll-period-end-06',
} as const

/**
 * WECHAT_SUBSCRIBE_TEMPLATES with a (test) template id for every kind: a production server left on
 * a placeholder answers /readyz 503, so the servers the benchmarks and process tests start need it.
 */
export const TEMPLATES_ENV = JSON.stringify(Object.fromEntries(Object.entries(TEMPLATES).map(([kind, templateId]) => [kind, { templateId }])))

export function testReminderConfig(env: Record<string, string> = {}): ReminderConfig {
  const result = loadReminderConfig({
    WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATES_ENV,
    REMINDER_RETRY_BASE_MS: '60000',
    REMINDER_RETRY_MAX_MS: '3600000',
    REMINDER_MAX_ATTEMPTS: '3',
    REMINDER_LEASE_MS: '120000',
    REMINDER_BATCH_SIZE: '20',
    REMINDER_CONCURRENCY: '2',
    ...env,
  })
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return result.config
}

export interface Engine {
  name: string
  skip?: string
  /** A fresh store; `reopen` gives another handle on the same data (a restarted server). */
  open(): Promise<{ db: Db; reopen(): Promise<Db>; cleanup(): Promise<void> }>
}

const postgresUrl = process.env.TEST_DATABASE_URL

export const ENGINES: Engine[] = [
  {
    name: 'PGlite',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'qht-reminders-'))
      const dataDir = path.join(dir, 'pglite')
      return {
        db: await openDb({ engine: 'pglite', dataDir }),
        reopen: () => openDb({ engine: 'pglite', dataDir }),
        cleanup: () => rm(dir, { recursive: true, force: true }),
      }
    },
  },
  postgresUrl
    ? {
        name: 'PostgreSQL',
        async open() {
          const schema = `reminders_${process.pid}_${randomBytes(4).toString('hex')}`
          const options = { engine: 'postgres' as const, url: postgresUrl, schema, maxConnections: 4 }
          return { db: await openDb(options), reopen: () => openDb(options), cleanup: () => dropSchema(postgresUrl, schema) }
        },
      }
    : { name: 'PostgreSQL', skip: 'TEST_DATABASE_URL is not set', open: () => Promise.reject(new Error('skipped')) },
]

export interface Resident {
  token: string
  userId: string
  openid: string
}

/** Logs in through the fake WeChat: the openid is `o-${code}`. */
export async function wechatResident(h: Harness, code: string): Promise<Resident> {
  const response = await h.request({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })
  if (response.statusCode !== 200) throw new Error(`wechat login failed: ${response.body}`)
  const { token, user } = response.json().data
  return { token, userId: user.id, openid: `o-${code}` }
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` })

/** What wx.requestSubscribeMessage's success callback gets. */
export function tap(answers: Record<string, string>) {
  return { templateIds: Object.keys(answers), result: { errMsg: 'requestSubscribeMessage:ok', ...answers } }
}

export interface DeliveryRow {
  id: string
  fire_key: string
  before_ms: number
  fire_at: Date
  status: string
  channel: string | null
  attempts: number
  next_attempt_at: Date
  outcome_code: string | null
  reason: string | null
  [key: string]: unknown
}

export async function deliveriesOf(db: Db, reminderId: string): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(
    'select id, fire_key, before_ms, fire_at, status, channel, attempts, next_attempt_at, outcome_code, reason from reminder_deliveries where reminder_id = $1 order by fire_at',
    [reminderId],
  )
}

export async function creditStates(db: Db, userId: string): Promise<Record<string, number>> {
  const rows = await db.query<{ state: string; count: number }>('select state, count(*)::int as count from subscribe_credits where user_id = $1 group by state', [userId])
  return Object.fromEntries(rows.map((row) => [row.state, row.count]))
}

export async function sendLog(db: Db, reminderId: string) {
  return db.query<{ attempt: number; outcome: string; channel: string; errcode: number | null; reason: string | null }>(
    'select attempt, outcome, channel, errcode, reason from reminder_send_log where reminder_id = $1 order by at, attempt',
    [reminderId],
  )
}

/** Polls `check` every 10 ms for at most `ms`. */
export async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
