import type { CityEvent } from '@/domain/events/model'
import { allOccurrences, expandOccurrences, nextOccurrence, type EventOccurrence } from '@/domain/events/occurrences'
import { isValidDate } from '@/domain/time'

/** The occurrence asked for by date, else the one on now or next, else the last one. */
export function chooseOccurrence(event: CityEvent, date: string | undefined, now: number): EventOccurrence {
  if (date && isValidDate(date)) {
    const found = expandOccurrences(event, date, date).find((occurrence) => occurrence.startDate === date)
    if (found) return found
  }
  const upcoming = nextOccurrence(event, now)
  if (upcoming) return upcoming
  const all = allOccurrences(event)
  return all[all.length - 1]
}
