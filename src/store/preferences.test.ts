import { shouldOfferElderMode, usePreferencesStore } from './preferences'

beforeEach(() => {
  localStorage.clear()
  usePreferencesStore.setState({ elderMode: false, elderModePrompted: false, fontScale: 1 })
})

test('elder mode is persisted in Taro storage with its version', () => {
  usePreferencesStore.getState().setElderMode(true)
  // Taro H5 storage wraps values as {"data": value} in localStorage.
  const stored = JSON.parse(localStorage.getItem('qht:preferences') ?? 'null')
  expect(JSON.parse(stored.data)).toEqual({ state: { elderMode: true, elderModePrompted: true }, version: 2 })
})

test('font scale is not persisted: it follows WeChat each launch', () => {
  usePreferencesStore.getState().setFontScale(1.4)
  const stored = JSON.parse(JSON.parse(localStorage.getItem('qht:preferences') ?? 'null').data)
  expect(stored.state).not.toHaveProperty('fontScale')
})

test('a version-1 record migrates', async () => {
  localStorage.setItem('qht:preferences', JSON.stringify({ data: JSON.stringify({ state: { elder: true }, version: 1 }) }))
  await usePreferencesStore.persist.rehydrate()
  expect(usePreferencesStore.getState()).toMatchObject({ elderMode: true, elderModePrompted: true })
})

test('garbage in storage falls back to defaults instead of crashing', async () => {
  localStorage.setItem('qht:preferences', JSON.stringify({ data: '{not json' }))
  await usePreferencesStore.persist.rehydrate()
  expect(usePreferencesStore.getState().elderMode).toBe(false)
})

test.each([
  [{ elderMode: false, elderModePrompted: false, fontScale: 1.3 }, true],
  [{ elderMode: false, elderModePrompted: false, fontScale: 1 }, false],
  [{ elderMode: false, elderModePrompted: true, fontScale: 1.5 }, false],
  [{ elderMode: true, elderModePrompted: false, fontScale: 1.5 }, false],
])('offer elder mode for %p → %p', (state, expected) => {
  expect(shouldOfferElderMode(state)).toBe(expected)
})
