import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import type { Db, Queryable, Row } from './db'

/** What PGlite and its transaction object both offer. */
interface PgliteTarget {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>
  exec(sql: string): Promise<unknown>
}

/** PGlite in-process: files under `dataDir`, or in memory when `dataDir` is null (tests). */
export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true })
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create()
  const wrap = (target: PgliteTarget): Queryable => ({
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, params as unknown[])
      return result.rows as R[]
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
  })
  const root = wrap(pg)
  let closed = false
  return {
    engine: 'pglite',
    shareable: null,
    query: root.query,
    exec: root.exec,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async ping() {
      await pg.query('select 1')
    },
    async close() {
      if (closed) return
      closed = true
      await pg.close()
    },
  }
}
