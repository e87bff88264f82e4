/**
 * Reminder settings from the environment, checked at start-up with the rest (config.ts):
 *
 * - the subscribe-message templates: the ids (and, where the chosen template differs, the fields)
 *   the operator picked in the WeChat console, as JSON in WECHAT_SUBSCRIBE_TEMPLATES or in the file
 *   WECHAT_SUBSCRIBE_TEMPLATES_FILE, applied over the domain's catalogue by parseTemplateCatalogue.
 *   Kinds left on a placeholder id are never sent over WeChat (it would answer 40037): their
 *   reminders stay in-app;
 * - which mini-program build the message opens (WECHAT_MINIPROGRAM_STATE) and on which page;
 * - the scheduler's pace: poll interval, batch, lease, attempts and backoff.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { parseTemplateCatalogue, type ReminderKind, type TemplateCatalogue } from '../../../src/domain/reminders'
import type { MiniprogramState } from '../wechat/subscribe-messages'

export interface SchedulerSettings {
  /** Whether `npm start` runs the scheduler in this process. */
  enabled: boolean
  pollMs: number
  batchSize: number
  /** Sends in flight at once within a batch. */
  concurrency: number
  /** A 'sending' delivery not finished within this is taken to belong to a dead worker. */
  leaseMs: number
  maxAttempts: number
  retryBaseMs: number
  retryMaxMs: number
}

export interface ReminderConfig {
  catalogue: TemplateCatalogue
  /** Kinds whose template id is still a placeholder: in-app only. */
  placeholders: ReminderKind[]
  miniprogramState: MiniprogramState
  /** Mini-program page a message opens; `?reminderId=` is appended. */
  page: string
  scheduler: SchedulerSettings
}

const positiveInt = z.coerce.number().int().positive()

const envSchema = z.object({
  WECHAT_SUBSCRIBE_TEMPLATES: z.string().optional(),
  WECHAT_SUBSCRIBE_TEMPLATES_FILE: z.string().optional(),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  WECHAT_REMINDER_PAGE: z
    .string()
    .regex(/^[A-Za-z0-9_/-]+$/, '应为小程序页面路径，例如 packages/reminders/pages/list/index')
    .default('packages/reminders/pages/list/index'),
  REMINDER_SCHEDULER: z.enum(['on', 'off']).default('on'),
  REMINDER_POLL_MS: positiveInt.default(5_000),
  REMINDER_BATCH_SIZE: positiveInt.max(500).default(50),
  REMINDER_CONCURRENCY: positiveInt.max(32).default(4),
  REMINDER_LEASE_MS: positiveInt.default(120_000),
  REMINDER_MAX_ATTEMPTS: positiveInt.max(20).default(6),
  REMINDER_RETRY_BASE_MS: positiveInt.default(30_000),
  REMINDER_RETRY_MAX_MS: positiveInt.default(3_600_000),
})

export type ReminderConfigResult = { ok: true; config: ReminderConfig } | { ok: false; problems: string[] }

function readTemplates(env: z.infer<typeof envSchema>): { ok: true; data: unknown } | { ok: false; problem: string } {
  if (env.WECHAT_SUBSCRIBE_TEMPLATES && env.WECHAT_SUBSCRIBE_TEMPLATES_FILE) {
    return { ok: false, problem: 'WECHAT_SUBSCRIBE_TEMPLATES 与 WECHAT_SUBSCRIBE_TEMPLATES_FILE 只能设置一个' }
  }
  let text = env.WECHAT_SUBSCRIBE_TEMPLATES
  const source = env.WECHAT_SUBSCRIBE_TEMPLATES_FILE ? 'WECHAT_SUBSCRIBE_TEMPLATES_FILE' : 'WECHAT_SUBSCRIBE_TEMPLATES'
  if (env.WECHAT_SUBSCRIBE_TEMPLATES_FILE) {
    try {
      text = readFileSync(env.WECHAT_SUBSCRIBE_TEMPLATES_FILE, 'utf8')
    } catch (error) {
      return { ok: false, problem: `${source}: 无法读取文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）` }
    }
  }
  if (text === undefined || text.trim() === '') return { ok: true, data: {} }
  try {
    return { ok: true, data: JSON.parse(text) }
  } catch (error) {
    return { ok: false, problem: `${source}: 不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）` }
  }
}

/**
 * /readyz in production (issue 14): a kind still on a placeholder id could only ever remind
 * in-app, which is acceptable while developing but a mistake in a release: the operator picks a
 * 公共模板库 template per kind (server/README.md, 订阅消息模板) and sets its id.
 */
export function placeholderTemplateProblem(production: boolean, config: Pick<ReminderConfig, 'placeholders'>): string[] {
  if (!production || config.placeholders.length === 0) return []
  return [`WECHAT_SUBSCRIBE_TEMPLATES（${config.placeholders.join('、')} 仍是占位模板 ID，只能应用内提醒）`]
}

export function loadReminderConfig(rawEnv: NodeJS.ProcessEnv): ReminderConfigResult {
  const parsed = envSchema.safeParse(rawEnv)
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) }
  const env = parsed.data
  const templates = readTemplates(env)
  if (!templates.ok) return { ok: false, problems: [templates.problem] }
  const catalogue = parseTemplateCatalogue(templates.data, 'WECHAT_SUBSCRIBE_TEMPLATES')
  if (!catalogue.ok) return { ok: false, problems: catalogue.errors.map((error) => `${error.file}${error.path ? `.${error.path}` : ''}: ${error.reason}`) }
  if (env.REMINDER_RETRY_MAX_MS < env.REMINDER_RETRY_BASE_MS) return { ok: false, problems: ['REMINDER_RETRY_MAX_MS 不能小于 REMINDER_RETRY_BASE_MS'] }
  return {
    ok: true,
    config: {
      catalogue: catalogue.catalogue,
      placeholders: catalogue.placeholders,
      miniprogramState: env.WECHAT_MINIPROGRAM_STATE,
      page: env.WECHAT_REMINDER_PAGE,
      scheduler: {
        enabled: env.REMINDER_SCHEDULER === 'on',
        pollMs: env.REMINDER_POLL_MS,
        batchSize: env.REMINDER_BATCH_SIZE,
        concurrency: env.REMINDER_CONCURRENCY,
        leaseMs: env.REMINDER_LEASE_MS,
        maxAttempts: env.REMINDER_MAX_ATTEMPTS,
        retryBaseMs: env.REMINDER_RETRY_BASE_MS,
        retryMaxMs: env.REMINDER_RETRY_MAX_MS,
      },
    },
  }
}
