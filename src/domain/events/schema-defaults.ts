/**
 * The bundled events (real 2025 events, samples) as CityEvent without running zod: they are the
 * 活动 tab's offline fallback, and the tab sits in the mini-program's main package, where zod
 * would add about 95 KB. This applies exactly the defaults cityEventSchema applies; that the
 * result is what parseEvent gives — valid, nothing missing — is checked for every bundled event
 * in schema-defaults.test.ts, so bundled data is validated by the tests instead of on each launch.
 * Anything from outside (operator files, API bodies) still goes through the schema.
 */
import type { IsoWeekday } from '../time/shanghai'
import type { CityEvent, CityEventInput, Venue } from './model'

function venueWithDefaults(venue: CityEventInput['venue']): Venue {
  return { ...venue, coordinateSystem: venue.coordinateSystem ?? 'gcj02' }
}

export function withSchemaDefaults(input: CityEventInput): CityEvent {
  const event = {
    ...input,
    tags: input.tags ?? [],
    venue: venueWithDefaults(input.venue),
    otherVenues: (input.otherVenues ?? []).map(venueWithDefaults),
    voucherBatchIds: input.voucherBatchIds ?? [],
    status: input.status ?? 'scheduled',
    revision: input.revision ?? 0,
  } as CityEvent
  if (input.recurrence) {
    event.recurrence = {
      ...input.recurrence,
      interval: input.recurrence.interval ?? 1,
      weekdays: Array.from(new Set(input.recurrence.weekdays)).sort((a, b) => a - b) as IsoWeekday[],
      exceptDates: input.recurrence.exceptDates ?? [],
    }
  }
  return event
}
