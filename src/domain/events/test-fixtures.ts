/** Builds valid events for tests; only what a test cares about needs saying. */
import { parseEvent, type CityEvent, type CityEventInput } from './model'

export function eventInput(overrides: Partial<CityEventInput> = {}): CityEventInput {
  return {
    id: 'test-event',
    type: 'other',
    title: '测试活动',
    county: '330802',
    venue: { name: '测试场地', lng: 118.87, lat: 28.94, coordinateStatus: 'provisional' },
    allDay: false,
    start: '2025-05-04T18:30:00+08:00',
    end: '2025-05-04T22:00:00+08:00',
    admission: { kind: 'free' },
    organiser: '测试主办',
    provenance: { source: '衢州市文广旅游局 2025-04-01 公告（测试）', status: 'confirmed', sample: false },
    ...overrides,
  }
}

export function makeEvent(overrides: Partial<CityEventInput> = {}): CityEvent {
  return parseEvent(eventInput(overrides))
}

/** A weekly Saturday 09:00–17:00 market from `first` (a Saturday) to `until`. */
export function weeklyMarket(
  id: string,
  first: string,
  until: string,
  exceptDates: string[] = [],
  extra: Partial<CityEventInput> = {},
): CityEvent {
  return makeEvent({
    id,
    type: 'market',
    title: '南孔市集',
    start: `${first}T09:00:00+08:00`,
    end: `${first}T17:00:00+08:00`,
    recurrence: { frequency: 'weekly', weekdays: [6], until, exceptDates },
    ...extra,
  })
}

/** 江山半程马拉松 on Saturday 11 October 2025, 07:30–12:00, with an entry fee. */
export function halfMarathon(overrides: Partial<CityEventInput> = {}): CityEvent {
  return makeEvent({
    id: 'jiangshan-run',
    type: 'sports',
    sportsLevel: 'provincial',
    title: '江山半程马拉松',
    county: '330881',
    start: '2025-10-11T07:30:00+08:00',
    end: '2025-10-11T12:00:00+08:00',
    admission: { kind: 'ticketed', priceText: '报名费 100 元' },
    ...overrides,
  })
}
