/**
 * The whole store speaks to one tiny interface, so the same migrations and queries run on the
 * embedded PGlite (the default: nothing to install or start) and on PostgreSQL (`DATABASE_URL`).
 * Queries keep to what both return alike: counts cast to int, JSON passed as text and cast to
 * jsonb, timestamps read back as Date.
 */
export type Row = Record<string, unknown>

export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres'
  /** How another thread or process opens this same store; null for PGlite (one process owns its files). */
  readonly shareable: StoreOptions | null
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  ping(): Promise<void>
  close(): Promise<void>
}

export type StoreOptions =
  | { engine: 'pglite'; dataDir: string | null }
  | { engine: 'postgres'; url: string; schema?: string; maxConnections?: number }

export async function openDb(options: StoreOptions): Promise<Db> {
  if (options.engine === 'postgres') {
    const { openPostgres } = await import('./postgres-db')
    return openPostgres(options)
  }
  const { openPglite } = await import('./pglite-db')
  return openPglite(options.dataDir)
}
