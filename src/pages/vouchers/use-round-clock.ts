import { useEffect, useState } from 'react'
import { roundViews } from '@/domain/vouchers/rounds'
import type { BatchView } from '@/services/api/vouchers'
import { serverNow } from '@/store/voucher-batches'

const MAX_TIMER_MS = 2 ** 31 - 1

/** The next instant any round opens or closes after `at`, and whether it is an opening. */
export function nextBoundary(batches: readonly BatchView[], at: number): { atMs: number; opening: boolean } | null {
  let next: { atMs: number; opening: boolean } | null = null
  for (const batch of batches) {
    for (const view of roundViews(batch, at)) {
      if (view.opensAtMs > at && (!next || view.opensAtMs < next.atMs)) next = { atMs: view.opensAtMs, opening: true }
      if (view.closesAtMs > at && (!next || view.closesAtMs < next.atMs)) next = { atMs: view.closesAtMs, opening: false }
    }
  }
  return next
}

/**
 * The server clock as the batches' cards see it: it moves only when a round of `batches` opens or
 * closes (countdowns tick on their own), so a page re-renders at those instants alone. When a
 * round opens, `onRoundOpens` runs within 2 s (spread so a city's phones do not all ask for fresh
 * remaining counts in the same millisecond).
 */
export function useRoundClock(batches: readonly BatchView[] | null, offsetMs: number, onRoundOpens: () => void): number {
  const [at, setAt] = useState(() => serverNow(offsetMs))
  useEffect(() => {
    setAt(serverNow(offsetMs))
  }, [batches, offsetMs])
  useEffect(() => {
    if (!batches) return
    const next = nextBoundary(batches, at)
    if (!next) return
    const timer = setTimeout(
      () => {
        setAt(serverNow(offsetMs))
        if (next.opening) setTimeout(onRoundOpens, Math.random() * 2000)
      },
      Math.min(Math.max(0, next.atMs - serverNow(offsetMs)) + 50, MAX_TIMER_MS),
    )
    return () => clearTimeout(timer)
  }, [batches, offsetMs, at, onRoundOpens])
  return at
}
