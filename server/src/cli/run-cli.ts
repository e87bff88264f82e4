/**
 * What the server's command-line tools (admin.ts, import.ts) share: Chinese validation messages,
 * the store opened and migrated for one command and always closed, and the exit code — the
 * command's own (0 done, 1 refused, 2 usage), or 2 with the message when it throws.
 */
import { z } from 'zod'
import { openDb, type Db, type StoreOptions } from '../store/db'
import { migrate } from '../store/migrate'

z.config(z.locales.zhCN())

/** Opens the store (migrated to the current schema), runs `work` on it, and closes it. */
export async function withMigratedStore<T>(store: StoreOptions, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(store)
  try {
    await migrate(db)
    return await work(db)
  } finally {
    await db.close()
  }
}

/** Runs a command on the process's arguments and exits with its code; a throw prints `failure：message` and exits 2. */
export function runCli(command: (argv: string[]) => Promise<number>, failure: string): void {
  command(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${failure}：`, error instanceof Error ? error.message : error)
      process.exit(2)
    },
  )
}
