/**
 * Postgres rows come back with snake_case column names; the store's records use camelCase. One
 * list of columns per table gives both the select list and the mapping, so the two cannot drift.
 */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S

export type CamelColumns<R, K extends keyof R & string> = { [P in K as CamelCase<P>]: R[P] }

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())

/** The named columns of a row under their camelCase names, in the order given. */
export function pickColumns<R, K extends keyof R & string>(row: R, columns: readonly K[]): CamelColumns<R, K> {
  const record: Record<string, unknown> = {}
  for (const column of columns) record[camelCase(column)] = row[column]
  return record as CamelColumns<R, K>
}
