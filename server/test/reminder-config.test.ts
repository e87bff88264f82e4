/**
 * Reminder settings are checked at start-up: a broken template file or a bad number stops the
 * server with a Chinese message, and kinds left on placeholder ids are known to be in-app only.
 */
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { ConfigError } from '../src/config'
import { reminderConfigFromEnv } from '../src/reminders'
import { loadReminderConfig } from '../src/reminders/config'

test('defaults: every template a placeholder (in-app only), scheduler on', () => {
  const config = reminderConfigFromEnv({})
  assert.deepEqual(config.placeholders, ['round-opening', 'voucher-expiring', 'event-starting', 'rule-set-ending', 'rule-published', 'toll-period-ending'])
  assert.equal(config.scheduler.enabled, true)
  assert.equal(config.miniprogramState, 'formal')
})

test('templates from JSON text or a file; kinds not given stay placeholders', async () => {
  const inline = reminderConfigFromEnv({ WECHAT_SUBSCRIBE_TEMPLATES: '{"event-starting":{"templateId":"abc123"}}', REMINDER_SCHEDULER: 'off' })
  assert.equal(inline.catalogue['event-starting'].templateId, 'abc123')
  assert.deepEqual(inline.placeholders, ['round-opening', 'voucher-expiring', 'rule-set-ending', 'rule-published', 'toll-period-ending'])
  assert.equal(inline.scheduler.enabled, false)
  const dir = await mkdtemp(path.join(tmpdir(), 'qht-templates-'))
  try {
    const file = path.join(dir, 'templates.json')
    await writeFile(file, JSON.stringify({ 'round-opening': { templateId: 'r-1' } }))
    assert.equal(reminderConfigFromEnv({ WECHAT_SUBSCRIBE_TEMPLATES_FILE: file }).catalogue['round-opening'].templateId, 'r-1')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

const broken: [string, Record<string, string>, RegExp][] = [
  ['not JSON', { WECHAT_SUBSCRIBE_TEMPLATES: '{event' }, /不是有效的 JSON/],
  ['an unknown field source', { WECHAT_SUBSCRIBE_TEMPLATES: '{"event-starting":{"templateId":"a","fields":[{"key":"thing1","label":"x","from":"nope"}]}}' }, /可用的取值有/],
  ['one id for two kinds', { WECHAT_SUBSCRIBE_TEMPLATES: '{"event-starting":{"templateId":"a"},"round-opening":{"templateId":"a"}}' }, /被多个提醒类型共用/],
  ['both sources', { WECHAT_SUBSCRIBE_TEMPLATES: '{}', WECHAT_SUBSCRIBE_TEMPLATES_FILE: '/x.json' }, /只能设置一个/],
  ['a missing file', { WECHAT_SUBSCRIBE_TEMPLATES_FILE: '/no/such/templates.json' }, /无法读取文件/],
  ['a bad number', { REMINDER_POLL_MS: 'soon' }, /REMINDER_POLL_MS/],
  ['backoff cap below base', { REMINDER_RETRY_BASE_MS: '60000', REMINDER_RETRY_MAX_MS: '1000' }, /不能小于/],
  ['an unknown state', { WECHAT_MINIPROGRAM_STATE: 'beta' }, /WECHAT_MINIPROGRAM_STATE/],
]
for (const [name, env, message] of broken) {
  test(`${name} stops start-up with a Chinese message`, () => {
    assert.equal(loadReminderConfig(env).ok, false)
    assert.throws(() => reminderConfigFromEnv(env), (error: unknown) => error instanceof ConfigError && message.test(error.message) && /环境变量有误/.test(error.message))
  })
}
