/**
 * The resource cache against the one API client and a loopback server: sources, stored copy,
 * stale-while-revalidate, shared requests, bundled fallback, invalidation and reset.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { api, configureApi, resetApi } from '@/services/api'
import { apiTestServerForSuite, fail, ok } from '@/test/api-test-server'
import { invalidate, loadResource, resetResources, resourceOf, setResourceData, useResource } from './resource'

const server = apiTestServerForSuite()
let answer: unknown = ['a']

beforeEach(() => {
  answer = ['a']
  configureApi({ baseUrl: server.baseUrl, timeoutMs: 3000, getRetries: 0 })
  server.on((request) => (request.path === '/api/v1/things' ? ok({ data: answer, meta: { page: 1 } }) : undefined))
  resetResources()
})
afterAll(() => resetApi())

const things = () => api.get<string[]>('/api/v1/things', { cacheKey: 'things' })
const gets = () => server.requests.filter((request) => request.path === '/api/v1/things').length

test('a server answer is stored with its source, fetch time and meta', async () => {
  const before = Date.now()
  const entry = await loadResource('things', things)
  expect(entry).toMatchObject({ data: ['a'], source: 'server', loading: false, error: null, meta: { page: 1 } })
  expect(entry.fetchedAt).toBeGreaterThanOrEqual(before)
})

test('two reads of one key at once share one request; a fresh answer is not asked again within staleMs', async () => {
  await Promise.all([loadResource('things', things), loadResource('things', things)])
  expect(gets()).toBe(1)
  await loadResource('things', things, { staleMs: 60_000 })
  expect(gets()).toBe(1)
  await loadResource('things', things)
  expect(gets()).toBe(2)
})

test('offline: the client’s stored copy is shown as cache with its original fetch time', async () => {
  const first = await loadResource('things', things)
  resetResources()
  server.reset()
  server.on(() => ({ drop: true }))
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const entry = await loadResource('things', things, { stored: () => api.peek<string[]>('things') })
  expect(entry).toMatchObject({ data: ['a'], source: 'cache', fetchedAt: first.fetchedAt, error: null })
})

test('an error keeps the last data and says what went wrong in Chinese; bundled data only when there is none', async () => {
  await loadResource('things', things)
  server.reset()
  server.on(() => fail(500, 'INTERNAL', 'boom'))
  const kept = await loadResource('things', things, { bundled: () => ['bundled'] })
  expect(kept).toMatchObject({ data: ['a'], source: 'server', error: '服务暂时不可用，请稍后重试' })
  resetResources()
  const fallback = await loadResource('things', things, { bundled: () => ['bundled'] })
  expect(fallback).toMatchObject({ data: ['bundled'], source: 'bundled', fetchedAt: null, error: '服务暂时不可用，请稍后重试' })
})

test('a hook reads on mount, keeps the old data while revalidating, and refetches when invalidated', async () => {
  const { result, unmount } = renderHook(() => useResource('things', things, { staleMs: 60_000 }))
  await waitFor(() => expect(result.current.data).toEqual(['a']))
  answer = ['b']
  let reloading: Promise<unknown> = Promise.resolve()
  act(() => {
    reloading = result.current.reload()
  })
  expect(result.current).toMatchObject({ data: ['a'], loading: true })
  await act(() => reloading)
  expect(result.current.data).toEqual(['b'])

  // A write elsewhere changed the things: the screen showing them asks again at once.
  answer = ['c']
  await act(() => invalidate('thing'))
  expect(result.current.data).toEqual(['c'])
  unmount()
  // Nobody shows the key now: it is only marked stale, and the next read fetches despite staleMs.
  answer = ['d']
  const before = gets()
  await invalidate('things')
  expect(gets()).toBe(before)
  expect((await loadResource('things', things, { staleMs: 60_000 })).data).toEqual(['d'])
})

test('setResourceData shows a mutation’s result without a round trip; a null key reads nothing', async () => {
  await loadResource('things', things)
  setResourceData<string[]>('things', (data) => [...(data ?? []), 'mine'])
  expect(resourceOf('things').data).toEqual(['a', 'mine'])
  const { result } = renderHook(() => useResource<string[]>(null, things))
  expect(result.current).toMatchObject({ data: null, source: null, loading: false })
})

test('an answer to a request from before a reset is dropped', async () => {
  const pending = loadResource('things', things)
  resetResources()
  await pending
  expect(resourceOf('things').data).toBeNull()
})
