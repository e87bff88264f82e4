import { View } from '@tarojs/components'
import { useState } from 'react'
import { DateField } from '@/components/date-field'
import { Pressable } from '@/components/pressable'
import { isDomainError } from '@/domain/errors'
import type { StationDistance } from '@/domain/etc/stations'
import type { TollStation } from '@/domain/policy/toll-stations'
import { todayInShanghai } from '@/domain/time'
import type { TripInput } from '@/store/etc-trips'
import { StationPicker } from './station-picker'
import { ErrorLine } from '@/components/error-line'

export interface TripEditorProps {
  /** Spoken name of the form: '记一趟行程', '修改行程'. */
  title: string
  /** The trip being edited; a new trip starts today (Shanghai) with no stations. */
  initial?: TripInput
  stations: readonly TollStation[]
  nearest?: readonly StationDistance[] | null
  /** Saves through the store, which validates with the domain; a DomainError is shown inline. */
  onSave: (input: TripInput) => void
  onCancel: () => void
}

/** A trip of 我的行程: date, entry and exit, saved or cancelled in place (no pop-up). */
export function TripEditor({ title, initial, stations, nearest, onSave, onCancel }: TripEditorProps) {
  const today = todayInShanghai()
  const [date, setDate] = useState(initial?.date ?? today)
  // A logged station the list in force no longer has (an operator's new list) must be chosen again.
  const listed = (id: string | undefined): string | null => (id !== undefined && stations.some((station) => station.id === id) ? id : null)
  const [entry, setEntry] = useState<string | null>(listed(initial?.entry))
  const [exit, setExit] = useState<string | null>(listed(initial?.exit))
  const [error, setError] = useState<string | null>(null)

  const save = () => {
    if (entry === null || exit === null) {
      setError(entry === null ? '请选择入口收费站' : '请选择出口收费站')
      return
    }
    try {
      onSave({ date, entry, exit })
    } catch (caught) {
      if (!isDomainError(caught)) throw caught
      setError(caught.message)
    }
  }

  return (
    <View className='card trip-editor' role='form' aria-label={title}>
      <View className='title'>{title}</View>
      <DateField label='日期' value={date} end={today} hint={date === today ? '今天' : undefined} onChange={setDate} />
      <StationPicker label='入口收费站' value={entry} onChange={setEntry} stations={stations} nearest={nearest} />
      <StationPicker label='出口收费站' value={exit} onChange={setExit} stations={stations} nearest={nearest} />
      <ErrorLine message={error} />
      <View className='row'>
        <Pressable className='button' onPress={save}>
          保存
        </Pressable>
        <Pressable className='button button--secondary' onPress={onCancel}>
          取消
        </Pressable>
      </View>
    </View>
  )
}
