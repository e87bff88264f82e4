import { fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { nearestStations, stations } from '@/domain/etc/stations'
import { StationPicker, type StationPickerProps } from './station-picker'

function Harness(props: Partial<StationPickerProps> & { onPicked?: (id: string) => void }) {
  const [value, setValue] = useState<string | null>(props.value ?? null)
  return (
    <StationPicker
      label='入口收费站'
      stations={stations}
      nearest={props.nearest}
      value={value}
      onChange={(id) => {
        setValue(id)
        props.onPicked?.(id)
      }}
    />
  )
}

const open = () => fireEvent.click(screen.getByRole('button', { name: /入口收费站/ }))
const panel = () => screen.getByRole('region', { name: '选择入口收费站' })
const search = (text: string) =>
  fireEvent.input(within(panel()).getByRole('textbox', { name: '搜索入口收费站' }), { target: { value: text } })
const optionNames = () =>
  within(panel())
    .getAllByRole('option')
    .map((option) => option.getAttribute('aria-label')?.split('，')[0])

test('closed until asked; opens in place, grouped by highway', () => {
  render(<Harness />)
  expect(screen.queryByRole('region')).not.toBeInTheDocument()
  open()
  expect(
    within(panel())
      .getAllByRole('listbox')
      .map((group) => group.getAttribute('aria-label')),
  ).toEqual(['G60 沪昆高速', 'G3 京台高速', 'G6021 杭长高速', 'G4012 溧宁高速'])
  expect(optionNames()).toHaveLength(stations.length)
})

test('grouped by county on request', () => {
  render(<Harness />)
  open()
  fireEvent.click(within(panel()).getByRole('radio', { name: '按区县' }))
  expect(
    within(panel())
      .getAllByRole('listbox')
      .map((group) => group.getAttribute('aria-label')),
  ).toEqual(['柯城区', '衢江区', '常山县', '开化县', '龙游县', '江山市'])
})

test.each([
  ['qzd', '衢州东'],
  ['QZN', '衢州南'],
  ['jls', '江郎山'],
  ['衢东', '衢州东'],
  ['江山市', '江山'],
])('search %s finds %s first', (text, first) => {
  render(<Harness />)
  open()
  search(text)
  expect(optionNames()[0]).toBe(first)
})

test('nothing found: says so and offers names like it', () => {
  render(<Harness />)
  open()
  search('衢州北')
  expect(within(panel()).getByRole('status')).toHaveTextContent('没有找到“衢州北”。您是不是要找：')
  expect(optionNames()).toContain('衢州东')
})

test('each station says whether it is in the scheme, and choosing closes the list', () => {
  const onPicked = jest.fn()
  render(<Harness onPicked={onPicked} />)
  open()
  expect(within(panel()).getByRole('option', { name: /^衢州东，.*，是衢城畅行站$/ })).toBeInTheDocument()
  fireEvent.click(within(panel()).getByRole('option', { name: /^廿八都，.*，不是衢城畅行站$/ }))
  expect(onPicked).toHaveBeenCalledWith('nianbadu')
  expect(screen.queryByRole('region')).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: '入口收费站：廿八都，点按更换' })).toHaveTextContent('— 非衢城畅行站')
})

test('with location, nearest first with distances, and the other groupings still offered', () => {
  render(<Harness nearest={nearestStations(118.874, 28.942)} />)
  open()
  expect(within(panel()).getByRole('radio', { name: '离我最近' })).toHaveAttribute('aria-checked', 'true')
  const first = within(panel()).getAllByRole('option')[0]
  expect(first.getAttribute('aria-label')).toMatch(/^衢州西，.*约 \d+(\.\d)? 公里/)
  fireEvent.click(within(panel()).getByRole('radio', { name: '按高速' }))
  expect(within(panel()).getByRole('listbox', { name: 'G60 沪昆高速' })).toBeInTheDocument()
})

test('the chosen station is marked in words', () => {
  render(<Harness value='kecheng' />)
  open()
  expect(within(panel()).getByRole('option', { name: /^柯城，.*已选$/ })).toHaveAttribute('aria-selected', 'true')
  expect(within(panel()).getByText('柯城（已选）')).toBeInTheDocument()
})
