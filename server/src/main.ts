/**
 * `npm start` (server/): open the store, migrate, seed the sample content on a fresh store when
 * asked, listen, and on SIGTERM/SIGINT stop accepting, finish in-flight requests and close.
 * A production server missing a required secret does not start: it says which, and exits.
 */
import { buildApp } from './app'
import { ConfigError, loadConfig, missingProductionSettings } from './config'
import { importSampleContent } from './content/import'
import { hasImportedContent } from './store/content'
import { openDb } from './store/db'
import { migrate } from './store/migrate'
import { seedDevAccounts } from './vouchers/dev-accounts'
import { RedisPersistenceError } from './vouchers/redis-persistence'

async function main(): Promise<void> {
  const config = loadConfig()
  const missing = missingProductionSettings(config)
  if (missing.length > 0) {
    throw new ConfigError(
      `生产环境配置不完整，拒绝启动。缺少：\n${missing.map((name) => `  ${name}`).join('\n')}\n（见 server/README.md「部署」）`,
    )
  }
  const db = await openDb(config.store)
  const applied = await migrate(db)
  const { app, reminders, vouchers, retention, shutdown } = await buildApp({ config, db })
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied')
  if (config.seedSample === 'if-empty' && !(await hasImportedContent(db))) {
    const result = await importSampleContent(db)
    if (result.ok) app.log.info({ counts: result.counts }, 'sample content imported into the empty store')
    else app.log.error({ problems: result.problems }, 'sample content was rejected; the store stays empty')
  }
  if (config.demo) {
    app.log.warn('DEMO MODE: development sign-in and demo accounts are on; never expose this server to the public')
  }
  if (config.seedSample === 'if-empty' && config.demo) {
    // The development login's merchant, operator and resident accounts, with the resident's demo
    // wallet when it is empty (server/README.md, "Vouchers"); then the claim gate counts them too.
    const seeded = await seedDevAccounts(db)
    await vouchers.resyncFromStore()
    app.log.info(seeded, 'development accounts ready')
  }

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const force = setTimeout(() => {
      app.log.error('shutdown timed out; exiting')
      process.exit(1)
    }, config.shutdownTimeoutMs)
    force.unref()
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  const address = await app.listen({ host: config.host, port: config.port })
  app.log.info({ address, store: db.engine, demo: config.demo, docs: config.docs ? `${address}/docs` : 'off' }, 'listening')
  retention.start()
  if (reminders.config.scheduler.enabled) {
    reminders.scheduler.start()
    app.log.info({ pollMs: reminders.config.scheduler.pollMs, inAppOnly: reminders.config.placeholders }, 'reminder scheduler started')
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RedisPersistenceError) console.error(error.message)
  else console.error(error)
  process.exit(1)
})
