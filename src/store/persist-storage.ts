/**
 * zustand `persist` over Taro storage. Each persisted store names itself, states a version, and
 * brings a migration from every older version, so an update never loses a resident's basket,
 * car or trip log, and never crashes on data an older app version wrote.
 */
import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware'
import { readStored, removeStored, writeStored } from '../services/platform/storage'

export const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const value = readStored<string>(name)
    return typeof value === 'string' ? value : null
  },
  setItem: (name, value) => {
    writeStored(name, value)
  },
  removeItem: (name) => removeStored(name),
}

/**
 * Persist options for a store. `migrate` receives what an older version stored (unknown shape:
 * validate it) and returns the current shape; anything unusable falls back to the defaults.
 */
export function persistOptions<State, Persisted = Partial<State>>(config: {
  name: string
  version: number
  partialize?: (state: State) => Persisted
  migrate?: (persisted: unknown, fromVersion: number) => Persisted
}): PersistOptions<State, Persisted> {
  return {
    name: `qht:${config.name}`,
    version: config.version,
    storage: createJSONStorage<Persisted>(() => taroStateStorage),
    partialize: config.partialize,
    migrate: config.migrate
      ? (persisted, fromVersion) => config.migrate!(persisted, fromVersion) as Persisted
      : undefined,
  } as PersistOptions<State, Persisted>
}

/**
 * Persist options for a store whose lasting part is one record of entries by id (pending claims,
 * offline keys): only that record is stored, and on reading an older version back each entry is
 * checked and one that fails `isEntry` is dropped rather than trusted.
 */
export function persistRecordOptions<Entry, Key extends string, State extends Record<Key, Record<string, Entry>>>(config: {
  name: string
  version: number
  record: Key
  isEntry: (value: unknown) => value is Entry
}): PersistOptions<State, Pick<State, Key>> {
  const { record, isEntry } = config
  return persistOptions<State, Pick<State, Key>>({
    name: config.name,
    version: config.version,
    partialize: (state) => ({ [record]: state[record] }) as Pick<State, Key>,
    migrate: (persisted) => {
      const entries = (persisted as Partial<Record<Key, Record<string, unknown>>> | null)?.[record] ?? {}
      return { [record]: Object.fromEntries(Object.entries(entries).filter(([, entry]) => isEntry(entry))) } as Pick<State, Key>
    },
  })
}
