import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceList, type ChoiceOption } from '@/components/choice-list'
import { Pressable } from '@/components/pressable'
import {
  groupStationsByCounty,
  groupStationsByHighway,
  searchStations,
  suggestStations,
  type StationDistance,
} from '@/domain/etc/stations'
import type { TollStation } from '@/domain/policy/toll-stations'
import { SchemeTag } from './scheme-tag'
import './etc-components.scss'

export type StationGrouping = 'nearest' | 'highway' | 'county'

export interface StationPickerProps {
  /** '入口收费站', '出口收费站'. */
  label: string
  /** Chosen station id, or null. */
  value: string | null
  onChange: (stationId: string) => void
  stations: readonly TollStation[]
  /** Stations by distance from the person, when they allowed location; offered first. */
  nearest?: readonly StationDistance[] | null
}

interface StationGroup {
  title: string
  stations: readonly TollStation[]
}

const GROUPING_LABEL: Record<StationGrouping, string> = { nearest: '离我最近', highway: '按高速', county: '按区县' }

function describe(station: TollStation): string {
  return `${station.highway.code} ${station.highway.name} · ${station.county.name}`
}

const formatKm = (km: number): string => `约 ${km < 10 ? km.toFixed(1) : Math.round(km)} 公里`

/**
 * A toll station chosen from a list that opens in place (not a pop-up): search by characters or
 * pinyin initials ('qzd' → 衢州东), or browse grouped by highway or by county, or nearest first
 * when location was allowed. Each station says whether it is in the 衢城畅行 scheme.
 */
export function StationPicker({ label, value, onChange, stations, nearest }: StationPickerProps) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [chosenGrouping, setGrouping] = useState<StationGrouping | null>(null)
  const grouping: StationGrouping = chosenGrouping ?? (nearest?.length ? 'nearest' : 'highway')
  const selected = value === null ? undefined : stations.find((station) => station.id === value)
  const distanceOf = new Map((nearest ?? []).map((item) => [item.station.id, item.distanceKm]))

  const choose = (station: TollStation) => {
    onChange(station.id)
    setOpen(false)
    setQuery('')
  }

  const groupingOptions: ChoiceOption<StationGrouping>[] = (['nearest', 'highway', 'county'] as const)
    .filter((option) => option !== 'nearest' || !!nearest?.length)
    .map((option) => ({ value: option, title: GROUPING_LABEL[option] }))

  const trimmed = query.trim()
  const results = trimmed === '' ? [] : searchStations(trimmed, stations)
  const groups: StationGroup[] =
    trimmed !== ''
      ? [{ title: `搜索“${trimmed}”`, stations: results }]
      : grouping === 'nearest' && nearest?.length
        ? [{ title: '离我最近（直线距离）', stations: nearest.map((item) => item.station) }]
        : grouping === 'county'
          ? groupStationsByCounty(stations).map((group) => ({ title: group.county.name, stations: group.stations }))
          : groupStationsByHighway(stations).map((group) => ({
              title: `${group.highway.code} ${group.highway.name}`,
              stations: group.stations,
            }))
  const suggestions = trimmed !== '' && results.length === 0 ? suggestStations(trimmed, stations) : []

  return (
    <View className='station-picker'>
      <View className='station-picker__label'>{label}</View>
      <Pressable
        className='station-picker__field'
        label={selected ? `${label}：${selected.name}，点按更换` : `选择${label}`}
        onPress={() => setOpen(!open)}
      >
        {selected ? (
          <View className='station-picker__chosen'>
            <View className='station-picker__name'>{selected.name}</View>
            <View className='caption'>{describe(selected)}</View>
            <SchemeTag inScheme={selected.inScheme} />
          </View>
        ) : (
          <Text className='station-picker__placeholder'>请选择</Text>
        )}
        <Text className='station-picker__action'>{open ? '收起' : selected ? '更换' : '选择'}</Text>
      </Pressable>

      {open ? (
        <View className='station-picker__panel' role='region' aria-label={`选择${label}`}>
          <Input
            className='station-picker__search'
            value={query}
            placeholder='搜站名或拼音首字母，如 qzd'
            nativeProps={{ 'aria-label': `搜索${label}` }}
            onInput={(event) => setQuery(event.detail.value)}
          />
          {trimmed === '' ? (
            <ChoiceList label='排列方式' variant='segmented' hideLabel options={groupingOptions} value={grouping} onChange={setGrouping} />
          ) : null}
          {results.length === 0 && trimmed !== '' ? (
            <View className='station-picker__empty' role='status'>
              没有找到“{trimmed}”。
              {suggestions.length > 0 ? '您是不是要找：' : '可以换个写法，或按高速、区县查找。'}
            </View>
          ) : null}
          {suggestions.length > 0 ? (
            <StationOptions title='相近的站名' stations={suggestions} value={value} distanceOf={distanceOf} onChoose={choose} />
          ) : null}
          {groups.map((group) =>
            group.stations.length > 0 ? (
              <StationOptions
                key={group.title}
                title={group.title}
                stations={group.stations}
                value={value}
                distanceOf={distanceOf}
                onChoose={choose}
              />
            ) : null,
          )}
          <Pressable className='button button--secondary station-picker__close' onPress={() => setOpen(false)}>
            收起列表
          </Pressable>
        </View>
      ) : null}
    </View>
  )
}

interface StationOptionsProps {
  title: string
  stations: readonly TollStation[]
  value: string | null
  distanceOf: ReadonlyMap<string, number>
  onChoose: (station: TollStation) => void
}

function StationOptions({ title, stations, value, distanceOf, onChoose }: StationOptionsProps) {
  return (
    // Options live in a listbox (their required parent: axe aria-required-parent); the visible title
    // stays outside it, because a listbox may hold only options.
    <View className='station-picker__group'>
      <View className='station-picker__group-title'>{title}</View>
      <View role='listbox' aria-label={title}>
        {stations.map((station) => {
          const distance = distanceOf.get(station.id)
          const chosen = station.id === value
          const details = [describe(station), distance === undefined ? '' : formatKm(distance)].filter(Boolean).join(' · ')
          return (
            <Pressable
              key={station.id}
              className={`station-picker__option ${chosen ? 'station-picker__option--chosen' : ''}`}
              role='option'
              selected={chosen}
              label={`${station.name}，${details}，${station.inScheme ? '是衢城畅行站' : '不是衢城畅行站'}${chosen ? '，已选' : ''}`}
              onPress={() => onChoose(station)}
            >
              <View className='station-picker__option-main'>
                <View className='station-picker__name'>
                  {station.name}
                  {chosen ? '（已选）' : ''}
                </View>
                <View className='caption'>{details}</View>
              </View>
              <SchemeTag inScheme={station.inScheme} />
            </Pressable>
          )
        })}
      </View>
    </View>
  )
}
