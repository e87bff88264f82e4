import { isDomainError } from '../domain/errors'
import { stations } from '../domain/etc/stations'
import { sanitiseStoredTrips, tripsNewestFirst, useEtcTripsStore } from './etc-trips'

const stored = () => JSON.parse(JSON.parse(localStorage.getItem('qht:etc-trips') ?? 'null').data)

beforeEach(() => {
  localStorage.clear()
  useEtcTripsStore.setState({ trips: [] })
})

test('a trip is stored with station ids (names and 站 suffixes accepted) under version 1', () => {
  const trip = useEtcTripsStore.getState().addTrip({ date: '2025-06-16', entry: '衢州东站', exit: '龙游收费站' }, stations)
  expect(trip).toMatchObject({ date: '2025-06-16', entry: 'quzhoudong', exit: 'longyou' })
  expect(stored()).toEqual({ state: { trips: [trip] }, version: 1 })
})

test('ids are unique even within one millisecond', () => {
  const { addTrip } = useEtcTripsStore.getState()
  const ids = Array.from({ length: 20 }, () => addTrip({ date: '2025-06-16', entry: '衢州东', exit: '龙游' }, stations).id)
  expect(new Set(ids).size).toBe(20)
})

test.each([
  [{ date: '2025-02-30', entry: '衢州东', exit: '龙游' }, '没有这一天'],
  [{ date: '2025/06/16', entry: '衢州东', exit: '龙游' }, '日期格式'],
  [{ date: '2025-06-16', entry: '杭州东', exit: '龙游' }, '没有找到收费站'],
  [{ date: '2025-06-16', entry: '衢州东', exit: '' }, '请选择收费站'],
])('%p is refused with a Chinese message (%s) and nothing is stored', (input, message) => {
  let caught: unknown
  try {
    useEtcTripsStore.getState().addTrip(input, stations)
  } catch (error) {
    caught = error
  }
  expect(isDomainError(caught)).toBe(true)
  expect((caught as Error).message).toContain(message)
  expect(useEtcTripsStore.getState().trips).toEqual([])
})

test('edit replaces the trip in place and keeps its id; delete removes only that trip', () => {
  const { addTrip } = useEtcTripsStore.getState()
  const first = addTrip({ date: '2025-06-16', entry: '衢州东', exit: '龙游' }, stations)
  const second = addTrip({ date: '2025-06-17', entry: '江山', exit: '柯城' }, stations)
  useEtcTripsStore.getState().updateTrip(first.id, { date: '2025-06-18', entry: '衢州西', exit: '常山' }, stations)
  expect(useEtcTripsStore.getState().trips).toEqual([
    { id: first.id, date: '2025-06-18', entry: 'quzhouxi', exit: 'changshan' },
    second,
  ])
  useEtcTripsStore.getState().removeTrip(first.id)
  expect(useEtcTripsStore.getState().trips).toEqual([second])
  expect(stored().state.trips).toEqual([second])
})

test('a record from another version keeps the well-formed trips and drops the rest', async () => {
  const good = { id: 'a', date: '2025-03-01', entry: 'quzhoudong', exit: 'longyou' }
  localStorage.setItem(
    'qht:etc-trips',
    JSON.stringify({ data: JSON.stringify({ state: { trips: [good, { id: 'b', date: 'yesterday' }, null, 'x'] }, version: 0 }) }),
  )
  await useEtcTripsStore.persist.rehydrate()
  expect(useEtcTripsStore.getState().trips).toEqual([good])
  expect(sanitiseStoredTrips({ trips: 'nope' })).toEqual([])
  expect(sanitiseStoredTrips(null)).toEqual([])
})

test('newest first, and the later-logged trip first on the same day', () => {
  const trips = [
    { id: '1', date: '2025-03-01', entry: 'a', exit: 'b' },
    { id: '2', date: '2025-05-01', entry: 'a', exit: 'b' },
    { id: '3', date: '2025-03-01', entry: 'a', exit: 'b' },
  ]
  expect(tripsNewestFirst(trips).map((trip) => trip.id)).toEqual(['2', '3', '1'])
})
