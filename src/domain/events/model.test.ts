import { EventError } from './event-basics'
import { cityEventSchema, parseEvent, parseEventImport } from './model'
import { eventInput, makeEvent } from './test-fixtures'

function firstIssue(input: unknown): { path: string; message: string } {
  const result = cityEventSchema.safeParse(input)
  if (result.success) throw new Error('expected the event to be rejected')
  const issue = result.error.issues[0]
  return { path: issue.path.join('.'), message: issue.message }
}

describe('event schema', () => {
  it('accepts a timed event and applies defaults', () => {
    const event = makeEvent()
    expect(event.status).toBe('scheduled')
    expect(event.tags).toEqual([])
    expect(event.otherVenues).toEqual([])
    expect(event.voucherBatchIds).toEqual([])
    expect(event.revision).toBe(0)
    expect(event.venue.coordinateSystem).toBe('gcj02')
  })

  it('accepts a multi-day all-day event with an inclusive last day', () => {
    const event = makeEvent({ allDay: true, start: '2025-05-04', end: '2025-05-05' })
    expect(event.end).toBe('2025-05-05')
  })

  it.each([
    ['a sports event without a level', { type: 'sports' }, 'sportsLevel'],
    ['a level on a non-sports event', { type: 'concert', sportsLevel: 'national' }, 'sportsLevel'],
    ['a changed event without a note', { status: 'changed' }, 'changeNote'],
    ['a sample without 示例 in its title', { provenance: { source: 's', status: 'provisional', sample: true } }, 'title'],
    ['a timed start without +08:00', { start: '2025-05-04T18:30:00Z' }, 'start'],
    ['a timed start with another offset', { start: '2025-05-04T18:30:00+09:00' }, 'start'],
    ['an impossible time', { start: '2025-02-29T18:30:00+08:00' }, 'start'],
    ['an end before the start', { end: '2025-05-04T18:00:00+08:00' }, 'end'],
    ['an end equal to the start', { end: '2025-05-04T18:30:00+08:00' }, 'end'],
    ['an all-day event with a time', { allDay: true, start: '2025-05-04T00:00:00+08:00', end: '2025-05-05' }, 'start'],
    ['an all-day event ending before it starts', { allDay: true, start: '2025-05-05', end: '2025-05-04' }, 'end'],
    ['an occurrence longer than 62 days', { allDay: true, start: '2025-01-01', end: '2025-03-31' }, 'end'],
    ['an unknown county', { county: '330801' }, 'county'],
    ['an upper-case id', { id: 'Bad Id' }, 'id'],
  ])('rejects %s', (_name, overrides, path) => {
    expect(firstIssue(eventInput(overrides as never)).path).toBe(path)
  })

  it('rejects swapped longitude and latitude with a message saying so', () => {
    const issue = firstIssue(eventInput({ venue: { name: 'x', lng: 28.94, lat: 118.87, coordinateStatus: 'provisional' } }))
    expect(issue.path).toBe('venue.lng')
    expect(issue.message).toContain('写反')
  })

  describe('weekly rule', () => {
    const saturday = { start: '2025-05-03T09:00:00+08:00', end: '2025-05-03T17:00:00+08:00' }

    it('accepts a Saturday rule starting on a Saturday, sorting and de-duplicating weekdays', () => {
      const event = makeEvent({ ...saturday, recurrence: { frequency: 'weekly', weekdays: [7, 6, 6], until: '2025-06-28' } })
      expect(event.recurrence).toEqual({ frequency: 'weekly', interval: 1, weekdays: [6, 7], until: '2025-06-28', exceptDates: [] })
    })

    it('rejects a first occurrence on a weekday outside the rule', () => {
      const issue = firstIssue(eventInput({ ...saturday, recurrence: { frequency: 'weekly', weekdays: [7], until: '2025-06-28' } }))
      expect(issue.path).toBe('recurrence.weekdays')
      expect(issue.message).toContain('周六')
    })

    it('rejects an exception date on which there is no market anyway', () => {
      const issue = firstIssue(
        eventInput({ ...saturday, recurrence: { frequency: 'weekly', weekdays: [6], until: '2025-06-28', exceptDates: ['2025-05-05'] } }),
      )
      expect(issue.path).toBe('recurrence.exceptDates.0')
    })

    it('rejects an until before the first occurrence and a rule over 3 years', () => {
      expect(firstIssue(eventInput({ ...saturday, recurrence: { frequency: 'weekly', weekdays: [6], until: '2025-05-01' } })).path).toBe('recurrence.until')
      expect(firstIssue(eventInput({ ...saturday, recurrence: { frequency: 'weekly', weekdays: [6], until: '2029-05-01' } })).path).toBe('recurrence.until')
    })
  })
})

describe('parseEvent', () => {
  it('throws an EventError naming the field', () => {
    expect(() => parseEvent(eventInput({ type: 'sports' }))).toThrow(EventError)
    try {
      parseEvent(eventInput({ type: 'sports' }))
    } catch (error) {
      expect((error as EventError).field).toBe('sportsLevel')
      expect((error as EventError).code).toBe('EVENT_INVALID')
    }
  })
})

describe('operator import', () => {
  it('accepts an array or { events } and returns parsed events', () => {
    const a = parseEventImport([eventInput({ id: 'a-1' })], 'events.json')
    const b = parseEventImport({ events: [eventInput({ id: 'a-1' })] }, 'events.json')
    expect(a.ok && a.events.map((event) => event.id)).toEqual(['a-1'])
    expect(b).toEqual(a)
  })

  it('is all or nothing, listing every problem with file and path', () => {
    const result = parseEventImport(
      [eventInput({ id: 'ok-1' }), eventInput({ id: 'bad-1', venue: { name: 'x', lng: 0, lat: 28.9, coordinateStatus: 'provisional' } }), eventInput({ id: 'ok-1' })],
      'events-2025.json',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { file: 'events-2025.json', path: 'events[1].venue.lng', reason: expect.stringContaining('经度') },
      { file: 'events-2025.json', path: 'events[2].id', reason: expect.stringContaining('重复') },
    ])
  })

  it('rejects a file that is not a list', () => {
    expect(parseEventImport({ nope: 1 }, 'x.json')).toEqual({ ok: false, errors: [{ file: 'x.json', path: 'events', reason: expect.any(String) }] })
  })
})
