/**
 * `npm start` (server/): open the store, migrate, seed the sample content on a fresh store when
 * asked, listen, and on SIGTERM/SIGINT stop accepting, finish in-flight requests and close.
 * A production server missing a required secret does not start: it says which, and exits.
 */
import cluster from 'node:cluster'
import { buildApp } from './app'
import { ConfigError, loadConfig, missingProductionSettings, type Config } from './config'
import { importSampleContent } from './content/import'
import { hasImportedContent } from './store/content'
import { openDb, type Db } from './store/db'
import { migrate } from './store/migrate'
import { supervise } from './supervisor'
import { seedDevAccounts } from './vouchers/dev-accounts'
import { RedisPersistenceError } from './vouchers/redis-persistence'

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void }

/** The demo's sample content into an empty store, and the development accounts; true when accounts were seeded. */
async function seedDemo(db: Db, config: Config, log: Log): Promise<boolean> {
  if (config.seedSample === 'if-empty' && !(await hasImportedContent(db))) {
    const result = await importSampleContent(db)
    if (result.ok) log.info({ counts: result.counts }, 'sample content imported into the empty store')
    else log.error({ problems: result.problems }, 'sample content was rejected; the store stays empty')
  }
  if (config.seedSample === 'if-empty' && config.demo) {
    // The development login's merchant, operator and resident accounts, with the resident's demo
    // wallet when it is empty (server/README.md, "Vouchers").
    log.info(await seedDevAccounts(db), 'development accounts ready')
    return true
  }
  return false
}

async function main(): Promise<void> {
  const config = loadConfig()
  const missing = missingProductionSettings(config)
  if (missing.length > 0) {
    throw new ConfigError(
      `生产环境配置不完整，拒绝启动。缺少：\n${missing.map((name) => `  ${name}`).join('\n')}\n（见 server/README.md「部署」）`,
    )
  }
  if (config.processes > 1 && cluster.isPrimary) {
    // Migrated and seeded once here; the workers (this file again) only open the store.
    await supervise(config, async (log) => {
      const db = await openDb(config.store)
      try {
        const applied = await migrate(db)
        if (applied.length > 0) log.info({ applied }, 'migrations applied')
        await seedDemo(db, config, log)
      } finally {
        await db.close()
      }
    })
    return
  }
  const db = await openDb(config.store)
  const applied = cluster.isWorker ? [] : await migrate(db)
  const { app, reminders, vouchers, retention, shutdown } = await buildApp({ config, db })
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied')
  if (config.demo) {
    app.log.warn('DEMO MODE: development sign-in and demo accounts are on; never expose this server to the public')
  }
  // The claim gate was filled from the store at start: it counts the demo wallet's vouchers too.
  if (!cluster.isWorker && (await seedDemo(db, config, app.log))) await vouchers.resyncFromStore()

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
