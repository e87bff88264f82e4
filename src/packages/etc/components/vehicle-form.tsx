import { View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceList, type ChoiceOption } from '@/components/choice-list'
import { ETC_CARD_HINT, ETC_CARD_LABEL, VEHICLE_CLASS_LABEL } from '@/domain/etc/labels'
import { formatPlate, tryParsePlate, type PlateErrorCode } from '@/domain/etc/plate'
import { ETC_CARDS, VEHICLE_CLASSES, type EtcCard, type VehicleClass } from '@/domain/policy/toll-scheme'
import { useEtcVehicleStore, useStoredVehicle } from '@/store/etc-vehicle'
import { PlateField } from './plate-field'

const CLASS_CAPTION: Partial<Record<VehicleClass, string>> = {
  1: '家用轿车、SUV、7 座商务车都是这一类',
}

const VEHICLE_CLASS_OPTIONS: ChoiceOption<VehicleClass>[] = VEHICLE_CLASSES.map((vehicleClass) => ({
  value: vehicleClass,
  title: VEHICLE_CLASS_LABEL[vehicleClass],
  caption: CLASS_CAPTION[vehicleClass],
}))

const ETC_CARD_OPTIONS: ChoiceOption<EtcCard>[] = ETC_CARDS.map((card) => ({
  value: card,
  title: ETC_CARD_LABEL[card],
  caption: card === 'none' ? '没有办 ETC，走人工或扫码缴费' : ETC_CARD_HINT[card],
}))

/** Errors more typing can still fix wait for the person to leave the field; the others show at once. */
const INCOMPLETE_PLATE: readonly PlateErrorCode[] = ['PLATE_EMPTY', 'PLATE_TOO_SHORT']

/** 我的车: plate, class and card, kept on the phone through the vehicle store. */
export function VehicleForm() {
  const { plateText, vehicleClass, etcCard } = useStoredVehicle()
  const setPlateText = useEtcVehicleStore((state) => state.setPlateText)
  const setVehicleClass = useEtcVehicleStore((state) => state.setVehicleClass)
  const setEtcCard = useEtcVehicleStore((state) => state.setEtcCard)
  const [leftField, setLeftField] = useState(plateText !== '')

  const parsed = tryParsePlate(plateText)
  const showError = !parsed.ok && (leftField || !INCOMPLETE_PLATE.includes(parsed.error.code))
  const onBlur = () => {
    setLeftField(true)
    // Tidy what was typed into the printed form (浙H·12345) once it parses.
    if (parsed.ok) setPlateText(formatPlate(parsed.plate))
  }

  return (
    <View className='vehicle-form'>
      <PlateField value={plateText} onChange={setPlateText} onBlur={onBlur} error={showError && !parsed.ok ? parsed.error.message : null} />
      <ChoiceList label='车型（看行驶证上的“核定载人数”）' options={VEHICLE_CLASS_OPTIONS} value={vehicleClass} onChange={setVehicleClass} />
      <ChoiceList label='ETC 卡类型（记账卡还是储值卡？）' options={ETC_CARD_OPTIONS} value={etcCard} onChange={setEtcCard} />
    </View>
  )
}
