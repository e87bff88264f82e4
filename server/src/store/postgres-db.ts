import pg from 'pg'
import type { Db, Queryable, Row } from './db'

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe schema name: ${name}`)
  return `"${name}"`
}

/**
 * PostgreSQL through a pool. With `schema`, every connection's search_path is that schema (created
 * if missing), which lets parallel test runs share one database without clashing.
 */
export async function openPostgres(options: { url: string; schema?: string; maxConnections?: number }): Promise<Db> {
  if (options.schema) {
    const setup = new pg.Client({ connectionString: options.url })
    await setup.connect()
    try {
      await setup.query(`create schema if not exists ${quoteIdentifier(options.schema)}`)
    } finally {
      await setup.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined)
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<R>(sql, params as unknown[])
      return result.rows
    },
    async exec(sql: string) {
      await client.query(sql)
    },
  })
  const root = on(pool)
  let closed = false
  return {
    engine: 'postgres',
    shareable: { engine: 'postgres', url: options.url, ...(options.schema ? { schema: options.schema } : {}) },
    query: root.query,
    exec: root.exec,
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await work(on(client))
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async ping() {
      await pool.query('select 1')
    },
    async close() {
      if (closed) return
      closed = true
      await pool.end()
    },
  }
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`)
  } finally {
    await client.end()
  }
}
