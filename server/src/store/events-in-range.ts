/** Every stored event whose span overlaps [from, to): what 目标进度 counts for a year. */
import type { CityEvent } from '../../../src/domain/events/model'
import type { Queryable } from './db'

/** A year holds a few hundred events (clause 十五 promises ~500); this bounds a bad import's cost. */
export const MAX_EVENTS_IN_RANGE = 20_000

export async function eventsOverlapping(q: Queryable, from: Date, to: Date): Promise<{ events: CityEvent[]; lastImportedAt: Date | null }> {
  const rows = await q.query<{ doc: CityEvent; imported_at: Date }>(
    'select doc, imported_at from events where starts_at < $2 and ends_at > $1 order by starts_at, id limit $3',
    [from, to, MAX_EVENTS_IN_RANGE],
  )
  const lastImportedAt = rows.reduce<Date | null>((latest, row) => (latest === null || row.imported_at > latest ? row.imported_at : latest), null)
  return { events: rows.map((row) => row.doc), lastImportedAt }
}
