/**
 * Issue 16, gaps 1 and 7: the development sign-in exists only in an explicit demo mode and its
 * sessions are refused elsewhere; a production server never runs half-configured, never seeds
 * 示例 data, hides /docs, sends security headers, and shares its rate limits through Redis.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { ConfigError, loadConfig, missingProductionSettings } from '../src/config'
import { openDb } from '../src/store/db'
import { migrate } from '../src/store/migrate'
import { reminderConfigFromEnv } from '../src/reminders'
import { placeholderTemplateProblem } from '../src/reminders/config'
import { bearer, startHarness } from './helpers/harness'
import { TEMPLATES, testReminderConfig } from './helpers/reminders'

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined

const SECRETS = {
  WECHAT_APPID: 'wx-prod-app',
  WECHAT_SECRET: 'prod-wechat-secret',
  REDEMPTION_SECRET: 'r'.repeat(40),
  SESSION_KEY_SECRET: 's'.repeat(40),
}

/** Runs `node src/main.ts` (what `npm --prefix server start` runs) until it exits or `waitMs` passes. */
function runMain(env: Record<string, string>, waitMs = 120_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const given: NodeJS.ProcessEnv = { ...process.env, STATIC_DIR: '', DATABASE_URL: '', REDIS_URL: '', DATA_DIR: '/nonexistent-qht', PORT: '0', ...env }
    for (const key of ['NODE_ENV', 'DEMO_MODE', 'SEED_SAMPLE', 'WECHAT_APPID', 'WECHAT_SECRET', 'REDEMPTION_SECRET', 'SESSION_KEY_SECRET'])
      if (!(key in env)) delete given[key]
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env: given, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), waitMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

describe('gap 1: the development sign-in only in an explicit demo mode', () => {
  test('NODE_ENV is read whatever its spelling; demo mode is never inferred from it', () => {
    for (const spelling of ['production', 'Production', ' PRODUCTION ', 'prod']) {
      const config = loadConfig({ NODE_ENV: spelling, ...SECRETS })
      assert.equal(config.production, true, spelling)
      assert.equal(config.demo, false, spelling)
    }
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }, { NODE_ENV: '' }]) {
      const config = loadConfig(env)
      assert.equal(config.production, false, JSON.stringify(env))
      assert.equal(config.demo, false, `${JSON.stringify(env)}: not production is not demo`)
    }
    assert.throws(() => loadConfig({ NODE_ENV: 'Prodution' }), ConfigError, 'a typo is an error, not "development"')
    assert.throws(() => loadConfig({ NODE_ENV: 'constructor' }), ConfigError)
    assert.throws(() => loadConfig({ DEMO_MODE: 'maybe' }), ConfigError)
    for (const on of ['1', 'true', 'ON', 'yes']) assert.equal(loadConfig({ DEMO_MODE: on }).demo, true, on)
    for (const off of ['0', 'false', 'off', 'No']) assert.equal(loadConfig({ DEMO_MODE: off }).demo, false, off)
  })

  test('demo mode together with production is refused, however production is spelled', () => {
    for (const spelling of ['production', 'Production', 'prod']) {
      assert.throws(() => loadConfig({ NODE_ENV: spelling, DEMO_MODE: '1', ...SECRETS }), (error: Error) => {
        assert.ok(error instanceof ConfigError)
        assert.match(error.message, /DEMO_MODE/)
        return true
      })
    }
  })

  test('SERVER_PROCESSES: more than one needs PostgreSQL (PGlite lives in one process), and bad counts are refused', () => {
    assert.equal(loadConfig({}).processes, 1)
    assert.equal(loadConfig({ SERVER_PROCESSES: '4', DATABASE_URL: 'postgres://db.example/qht' }).processes, 4)
    assert.throws(() => loadConfig({ SERVER_PROCESSES: '2' }), (error: Error) => {
      assert.ok(error instanceof ConfigError)
      assert.match(error.message, /SERVER_PROCESSES/)
      assert.match(error.message, /DATABASE_URL/)
      return true
    })
    for (const bad of ['0', '-1', '1.5', 'two', '65']) assert.throws(() => loadConfig({ SERVER_PROCESSES: bad }), ConfigError, bad)
  })

  test('without DEMO_MODE there is no development sign-in, whatever NODE_ENV says', async () => {
    for (const env of [{ DEMO_MODE: '0', NODE_ENV: 'development' }, { DEMO_MODE: '0', NODE_ENV: 'test' }, { DEMO_MODE: '0', NODE_ENV: 'Production' }]) {
      const h = await startHarness(env, { seed: false })
      try {
        const response = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name: '张三', role: 'operator' } })
        assert.equal(response.statusCode, 404, JSON.stringify(env))
        assert.equal(response.json().error.code, 'NOT_FOUND')
      } finally {
        await h.close()
      }
    }
  })

  test("a demo's sessions are refused by a server on the same store that is not in demo mode", async () => {
    const db = await openDb({ engine: 'pglite', dataDir: null })
    await migrate(db)
    const demo = await startHarness({}, { db, seed: true })
    const operator = await demo.login('演示运营', 'operator')
    const resident = await demo.login('演示居民')
    const wechat = await demo.request({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'real-resident' } })
    const realToken = wechat.json().data.token as string
    assert.equal((await demo.request({ method: 'GET', url: '/api/v1/me', headers: bearer(operator.token) })).statusCode, 200)
    await demo.app.close()
    await demo.wechat.close()

    const real = await startHarness({ DEMO_MODE: '0' }, { db, seed: false })
    try {
      for (const url of ['/api/v1/me', '/api/v1/me/vouchers', '/api/v1/admin/users/' + resident.userId]) {
        const response = await real.request({ method: 'GET', url, headers: bearer(operator.token) })
        assert.equal(response.statusCode, 401, url)
        assert.equal(response.json().error.code, 'AUTH_INVALID')
      }
      const batchId = (await real.request({ method: 'GET', url: '/api/v1/batches?state=claimable' })).json().data[0].id
      const claim = await real.request({
        method: 'POST',
        url: `/api/v1/batches/${batchId}/claims`,
        headers: { ...bearer(resident.token), 'idempotency-key': `demo-${randomUUID()}` },
      })
      assert.equal(claim.statusCode, 401, 'the claim route (its own session cache) refuses it too')
      assert.equal((await real.request({ method: 'GET', url: '/api/v1/me', headers: bearer(realToken) })).statusCode, 200, 'a WeChat session stays valid')
    } finally {
      await real.close()
    }
  })

  // That `npm start` turns demo mode on and `npm --prefix server start` alone does not is
  // restart.test.ts (the real processes on one store).
  test('with production and DEMO_MODE the server refuses to start', { timeout: 240_000 }, async () => {
    const refused = await runMain({ NODE_ENV: 'Production', DEMO_MODE: '1', ...SECRETS })
    assert.equal(refused.code, 1, refused.output)
    assert.match(refused.output, /DEMO_MODE/)
    assert.match(refused.output, /生产环境/)
  })
})

describe('gap 7: production readiness', () => {
  test('start-up refuses, naming each missing secret; /readyz answers 503 NOT_CONFIGURED in-process', { timeout: 240_000 }, async () => {
    const refused = await runMain({ NODE_ENV: 'production', WECHAT_APPID: 'wx-prod-app' })
    assert.equal(refused.code, 1, refused.output)
    for (const name of ['WECHAT_SECRET', 'REDEMPTION_SECRET', 'SESSION_KEY_SECRET']) assert.match(refused.output, new RegExp(name))
    assert.doesNotMatch(refused.output, /WECHAT_APPID\n/)

    assert.deepEqual(missingProductionSettings(loadConfig({ NODE_ENV: 'production', ...SECRETS })), [])
    assert.deepEqual(missingProductionSettings(loadConfig({ NODE_ENV: 'development' })), [], 'outside production secrets are generated')

    const half = await startHarness({ NODE_ENV: 'production', DEMO_MODE: '0', WECHAT_SECRET: '' }, { seed: false })
    try {
      const ready = await half.request({ method: 'GET', url: '/readyz' })
      assert.equal(ready.statusCode, 503)
      assert.equal(ready.json().error.code, 'NOT_CONFIGURED')
      for (const name of ['WECHAT_SECRET', 'REDEMPTION_SECRET', 'SESSION_KEY_SECRET']) assert.match(ready.json().error.message, new RegExp(name))
      assert.equal((await half.request({ method: 'GET', url: '/healthz' })).statusCode, 200, 'alive, just not ready')
    } finally {
      await half.close()
    }
    const full = await startHarness({ NODE_ENV: 'production', DEMO_MODE: '0', ...SECRETS }, { seed: false, deps: { reminders: testReminderConfig() } })
    try {
      assert.equal((await full.request({ method: 'GET', url: '/readyz' })).statusCode, 200)
    } finally {
      await full.close()
    }
  })

  test('a subscribe template left on its placeholder id: /readyz names it in production, not elsewhere', { timeout: 240_000 }, async () => {
    const { 'round-opening': _round, ...rest } = TEMPLATES
    const partial = reminderConfigFromEnv({ WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(Object.fromEntries(Object.entries(rest).map(([kind, templateId]) => [kind, { templateId }]))) })
    assert.deepEqual(placeholderTemplateProblem(false, partial), [], 'outside production a placeholder only means in-app')
    const production = await startHarness({ NODE_ENV: 'production', DEMO_MODE: '0', ...SECRETS }, { seed: false, deps: { reminders: partial } })
    try {
      const ready = await production.request({ method: 'GET', url: '/readyz' })
      assert.equal(ready.statusCode, 503)
      assert.equal(ready.json().error.code, 'NOT_CONFIGURED')
      assert.match(ready.json().error.message, /WECHAT_SUBSCRIBE_TEMPLATES（round-opening 仍是占位模板 ID/)
      assert.doesNotMatch(ready.json().error.message, /voucher-expiring/)
    } finally {
      await production.close()
    }
  })

  test('no sample seeding in production: SEED_SAMPLE and the import CLI --sample are refused', { timeout: 240_000 }, async () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', SEED_SAMPLE: 'if-empty', ...SECRETS }), /SEED_SAMPLE/)
    assert.equal(loadConfig({ NODE_ENV: 'production', SEED_SAMPLE: 'never', ...SECRETS }).seedSample, 'never')
    const cli = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', '--sample'], {
        cwd: serverDir,
        env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: '', DATA_DIR: '/nonexistent-qht' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('exit', (code) => resolve({ code, output }))
    })
    assert.equal(cli.code, 2, cli.output)
    assert.match(cli.output, /示例/)
  })

  test('/docs is off in production unless API_DOCS=1', async () => {
    const production = await startHarness({ NODE_ENV: 'production', DEMO_MODE: '0', ...SECRETS }, { seed: false })
    const enabled = await startHarness({ NODE_ENV: 'production', DEMO_MODE: '0', API_DOCS: '1', ...SECRETS }, { seed: false })
    try {
      for (const url of ['/docs', '/docs/json', '/docs/static/index.html']) {
        const response = await production.request({ method: 'GET', url })
        assert.equal(response.statusCode, 404, url)
        assert.equal(response.json().error.code, 'NOT_FOUND')
      }
      assert.equal((await enabled.request({ method: 'GET', url: '/docs/json' })).statusCode, 200)
    } finally {
      await production.close()
      await enabled.close()
    }
  })

  test('security headers on answers, errors and 404s; HSTS only behind TLS', async () => {
    const h = await startHarness({ TRUST_PROXY_HOPS: '1' }, { seed: false })
    try {
      for (const url of ['/healthz', '/api/v1/policy', '/api/v1/me', '/no-such-page', '/api/v1/batches/%E4%B']) {
        const response = await h.request({ method: 'GET', url })
        assert.equal(response.headers['x-content-type-options'], 'nosniff', url)
        assert.equal(response.headers['x-frame-options'], 'DENY', url)
        assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/, url)
        assert.equal(response.headers['strict-transport-security'], undefined, `${url}: plain HTTP gets no HSTS`)
      }
      const tls = await h.request({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } })
      assert.match(String(tls.headers['strict-transport-security']), /max-age=\d{7,}/)
    } finally {
      await h.close()
    }
    const untrusted = await startHarness({ TRUST_PROXY_HOPS: '0' }, { seed: false })
    try {
      const spoofed = await untrusted.request({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } })
      assert.equal(spoofed.headers['strict-transport-security'], undefined, 'X-Forwarded-Proto is believed only from a trusted proxy')
    } finally {
      await untrusted.close()
    }
  })

  test('rate limits are shared through Redis by every process', { skip: TEST_REDIS_URL ? false : 'TEST_REDIS_URL is not set' }, async () => {
    const prefix = `test-rl-${randomUUID().slice(0, 8)}:`
    const db = await openDb({ engine: 'pglite', dataDir: null })
    await migrate(db)
    const env = { REDIS_URL: TEST_REDIS_URL!, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_IP_PER_MINUTE: '6', RATE_LIMIT_USER_PER_MINUTE: '4' }
    const one = await startHarness(env, { db, seed: false })
    const two = await startHarness(env, { db, seed: false })
    const redis = new Redis(TEST_REDIS_URL!)
    try {
      await new Promise((resolve) => setTimeout(resolve, 200))
      const codes = []
      for (let i = 0; i < 8; i += 1) {
        const app = i % 2 === 0 ? one : two
        codes.push((await app.request({ method: 'GET', url: '/api/v1/policy', remoteAddress: '10.20.30.40' })).statusCode)
      }
      assert.deepEqual(codes, [200, 200, 200, 200, 200, 200, 429, 429], 'six per minute for the address across both processes')

      const user = await one.login('共享限流')
      const userCodes = []
      for (let i = 0; i < 4; i += 1) {
        const app = i % 2 === 0 ? one : two
        userCodes.push((await app.request({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token), remoteAddress: `10.1.0.${i}` })).statusCode)
      }
      // login() itself called /me once on the first process: 4 allowed in all.
      assert.deepEqual(userCodes, [200, 200, 200, 429])
    } finally {
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length > 0) await redis.del(...keys)
      await redis.quit()
      await one.app.close()
      await one.wechat.close()
      await two.close()
    }
  })
})
