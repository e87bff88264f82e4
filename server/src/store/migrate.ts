/**
 * Applies the SQL files in ./migrations in name order, each once, recorded in schema_migrations.
 * All pending files run in one transaction under an advisory lock, so two processes starting
 * together cannot apply the same file twice, and a failing file leaves nothing half-applied.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from './db'

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')
/** Any constant: the key of the advisory lock migrations take. */
const MIGRATION_LOCK_KEY = 5_2025_0411

export interface Migration {
  id: string
  sql: string
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort()
  return Promise.all(names.map(async (name) => ({ id: name.replace(/\.sql$/, ''), sql: await readFile(path.join(dir, name), 'utf8') })))
}

/** Returns the ids it applied (empty when the store was already up to date). */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations())
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    await tx.query('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())')
    const done = new Set((await tx.query<{ id: string }>('select id from schema_migrations')).map((row) => row.id))
    const applied: string[] = []
    for (const migration of all) {
      if (done.has(migration.id)) continue
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id])
      applied.push(migration.id)
    }
    return applied
  })
}
