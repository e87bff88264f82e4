import { BUNDLED_TOLL_DATA } from '@/domain/policy/toll-scheme'
import { REPLACED_STATIONS } from '@/test/toll-fixtures'
import { missingStationReason, routeOf, stationNameOf } from './trip-log'

const TRIP = { id: 't', date: '2026-02-27', entry: 'quzhoudong', exit: 'jiangshan' }

test.each([
  ['quzhoubei', 'the operator’s list', '衢州北', REPLACED_STATIONS],
  ['jiangshan', 'the operator’s list', '江山', REPLACED_STATIONS],
  ['衢州东站', 'the operator’s list', '衢州东', REPLACED_STATIONS],
  ['quzhoubei', 'the bundled list', 'quzhoubei', BUNDLED_TOLL_DATA],
  ['no-such-station', 'the bundled list', 'no-such-station', BUNDLED_TOLL_DATA],
])('%s with %s is named %s (the list in force, else the bundled list, else as stored)', (id, _list, name, data) => {
  expect(stationNameOf(id, data.stations)).toBe(name)
})

test('a trip whose station the list in force dropped names it, with the data version', () => {
  expect(routeOf(TRIP, REPLACED_STATIONS.stations)).toBe('衢州东 → 江山')
  expect(missingStationReason(TRIP, REPLACED_STATIONS)).toBe(
    '江山 不在当前的收费站名单中（数据版本 2026.2），无法判断是否免费；可点“修改”重新选择收费站',
  )
  expect(missingStationReason({ ...TRIP, entry: 'changshan' }, REPLACED_STATIONS)).toMatch(/^常山、江山 不在/)
  expect(missingStationReason({ ...TRIP, entry: 'jiangshan' }, REPLACED_STATIONS)).toMatch(/^江山 不在/)
})

test('a trip the list in force has, by id or by name, is not flagged', () => {
  expect(missingStationReason(TRIP, BUNDLED_TOLL_DATA)).toBeNull()
  expect(missingStationReason({ ...TRIP, entry: '衢州东', exit: '龙游站' }, REPLACED_STATIONS)).toBeNull()
})
