import { missingVehicleFields, sanitiseStoredVehicle, selectVehicleProfile, useEtcVehicleStore } from './etc-vehicle'

const stored = () => JSON.parse(JSON.parse(localStorage.getItem('qht:etc-vehicle') ?? 'null').data)

beforeEach(() => {
  localStorage.clear()
  useEtcVehicleStore.setState({ plateText: '', vehicleClass: null, etcCard: null })
})

test('the car is kept on the phone under its name with version 1, exactly as typed', () => {
  const { setPlateText, setVehicleClass, setEtcCard } = useEtcVehicleStore.getState()
  setPlateText('浙h·12345')
  setVehicleClass(1)
  setEtcCard('postpaid')
  expect(stored()).toEqual({ state: { plateText: '浙h·12345', vehicleClass: 1, etcCard: 'postpaid' }, version: 1 })
})

test('it comes back after a restart', async () => {
  localStorage.setItem(
    'qht:etc-vehicle',
    JSON.stringify({ data: JSON.stringify({ state: { plateText: '浙H·12345', vehicleClass: 1, etcCard: 'prepaid' }, version: 1 }) }),
  )
  await useEtcVehicleStore.persist.rehydrate()
  expect(useEtcVehicleStore.getState()).toMatchObject({ plateText: '浙H·12345', vehicleClass: 1, etcCard: 'prepaid' })
})

test('a record from another version is checked field by field', async () => {
  localStorage.setItem(
    'qht:etc-vehicle',
    JSON.stringify({ data: JSON.stringify({ state: { plateText: 42, vehicleClass: 9, etcCard: 'prepaid' }, version: 0 }) }),
  )
  await useEtcVehicleStore.persist.rehydrate()
  expect(useEtcVehicleStore.getState()).toMatchObject({ plateText: '', vehicleClass: null, etcCard: 'prepaid' })
})

test('garbage in storage falls back to an empty car instead of crashing', async () => {
  localStorage.setItem('qht:etc-vehicle', JSON.stringify({ data: '{not json' }))
  await useEtcVehicleStore.persist.rehydrate()
  expect(useEtcVehicleStore.getState()).toMatchObject({ plateText: '', vehicleClass: null, etcCard: null })
})

test.each([
  [{ plateText: '浙h·12345', vehicleClass: 1, etcCard: 'postpaid' }, '浙H12345', []],
  [{ plateText: '浙H1234', vehicleClass: 1, etcCard: 'postpaid' }, null, ['车牌号']],
  [{ plateText: '浙H12345', vehicleClass: null, etcCard: null }, null, ['车型', 'ETC 卡类型']],
  [{ plateText: '', vehicleClass: 7, etcCard: 'gold' }, null, ['车牌号', '车型', 'ETC 卡类型']],
] as const)('%p → profile %p, missing %p', (vehicle, plate, missing) => {
  expect(selectVehicleProfile(vehicle as never)?.plate.plate ?? null).toBe(plate)
  expect(missingVehicleFields(vehicle as never)).toEqual(missing)
})

test('a pasted paragraph is cut to the longest plausible plate text', () => {
  useEtcVehicleStore.getState().setPlateText('浙H12345'.repeat(10))
  expect(useEtcVehicleStore.getState().plateText).toHaveLength(20)
  expect(sanitiseStoredVehicle({ plateText: 'x'.repeat(50) }).plateText).toHaveLength(20)
})

test('clearing forgets the car', () => {
  useEtcVehicleStore.setState({ plateText: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' })
  useEtcVehicleStore.getState().clearVehicle()
  expect(stored().state).toEqual({ plateText: '', vehicleClass: null, etcCard: null })
})
