/**
 * The reminder machinery of one server process: the settings, the WeChat messenger, the service
 * behind the routes and the scheduler. buildApp makes one; `npm start` starts its scheduler.
 */
import type { WechatOptions } from '../wechat/client'
import { SubscribeMessenger } from '../wechat/subscribe-messages'
import { ConfigError } from '../config'
import type { Db } from '../store/db'
import { loadReminderConfig, type ReminderConfig } from './config'
import { ReminderScheduler, type SchedulerLogger } from './scheduler'
import { ReminderService } from './service'

export interface ReminderRuntime {
  config: ReminderConfig
  messenger: SubscribeMessenger
  service: ReminderService
  scheduler: ReminderScheduler
}

/** The reminder settings from the environment; a mistake stops start-up like any other setting. */
export function reminderConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ReminderConfig {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const result = loadReminderConfig(given)
  if (!result.ok) throw new ConfigError(`环境变量有误：\n${result.problems.map((problem) => `  ${problem}`).join('\n')}`)
  return result.config
}

export function createReminders(deps: { db: Db; config: ReminderConfig; wechat: WechatOptions; now: () => Date; log: SchedulerLogger }): ReminderRuntime {
  const messenger = new SubscribeMessenger({ ...deps.wechat, miniprogramState: deps.config.miniprogramState }, () => deps.now().getTime())
  const service = new ReminderService({ db: deps.db, config: deps.config, messenger, now: deps.now })
  const scheduler = new ReminderScheduler({ db: deps.db, messenger, config: deps.config, now: deps.now, log: deps.log })
  return { config: deps.config, messenger, service, scheduler }
}
