import { useEffect } from 'react'
import { useTollDataStore, type TollDataView } from '@/store/etc-toll-data'

/**
 * The 衢城畅行 data a page judges with (clause 二十六), asked for when the page mounts. Until the
 * server answers it is the stored copy or the bundled data; the page re-renders — verdicts and
 * savings recomputed — when the served data arrives.
 */
export function useTollData(): TollDataView {
  const state = useTollDataStore()
  const { load } = state
  useEffect(() => {
    void load()
  }, [load])
  return state
}
