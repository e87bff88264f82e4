import fc from 'fast-check'
import { cityEventSchema, parseEvent } from './model'
import { realEvents2025 } from './real-events-2025'
import { sampleEvents } from './sample-events'
import { withSchemaDefaults } from './schema-defaults'
import { dateOfDayNumber, dayNumberOf } from '../time/shanghai'
import { eventInput } from './test-fixtures'

test('every real 2025 event is exactly what the schema makes of it', () => {
  for (const event of realEvents2025) expect(parseEvent(event)).toStrictEqual(event)
})

test('samples are exactly what the schema makes of them, whatever today is (2024–2030)', () => {
  const first = dayNumberOf('2024-01-01')
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 7 * 366 }), (offset) => {
      for (const event of sampleEvents(dateOfDayNumber(first + offset), { voucherBatchIds: ['b-1'] })) {
        expect(cityEventSchema.parse(event)).toStrictEqual(event)
      }
    }),
    { numRuns: 60 },
  )
})

test('the defaults are the schema defaults: minimal input, a weekly rule with unsorted days', () => {
  const minimal = eventInput()
  expect(withSchemaDefaults(minimal)).toStrictEqual(parseEvent(minimal))
  const weekly = eventInput({
    start: '2025-05-03T09:00:00+08:00',
    end: '2025-05-03T12:00:00+08:00',
    recurrence: { frequency: 'weekly', weekdays: [7, 6, 6], until: '2025-06-28' },
    otherVenues: [{ name: '分会场', lng: 118.9, lat: 28.95, coordinateStatus: 'confirmed' }],
  })
  expect(withSchemaDefaults(weekly)).toStrictEqual(parseEvent(weekly))
})
