import { routeParam } from './route-param'

test.each([
  [{ id: '%E6%B4%BB%E5%8A%A8-1' }, 'id', '活动-1'],
  [{ id: 'plain' }, 'id', 'plain'],
  [{ id: '' }, 'id', null],
  [{}, 'id', null],
  [{ id: '%E4%B' }, 'id', null],
  [{ id: '100%' }, 'id', null],
])('routeParam(%p, %p) → %p', (params, name, expected) => {
  expect(routeParam(params, name)).toBe(expected)
})
