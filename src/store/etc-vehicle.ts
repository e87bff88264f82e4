/**
 * The resident's car for 衢城畅行 (clause 二十六), kept on the phone only: the plate as typed (the
 * field shows what the person wrote; the domain parses it), the vehicle class and the ETC card.
 * Nothing here is sent anywhere — the checker works anonymously (WECHAT.md, review rules).
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
// Module paths, not the domain/etc index: the index also exports the operator-file validator (zod),
// which the phone never runs and the subpackage should not carry.
import { tryParsePlate, type ParsedPlate } from '../domain/etc/plate'
import type { VehicleProfile } from '../domain/etc/waiver'
import { ETC_CARDS, VEHICLE_CLASSES, type EtcCard, type VehicleClass } from '../domain/policy/toll-scheme'
import { persistOptions } from './persist-storage'

/** Longer than any plate typed with spaces and dots; a paste of a whole message is cut, not stored. */
export const PLATE_TEXT_MAX_LENGTH = 20

export interface StoredVehicle {
  plateText: string
  vehicleClass: VehicleClass | null
  etcCard: EtcCard | null
}

interface EtcVehicleState extends StoredVehicle {
  setPlateText: (text: string) => void
  setVehicleClass: (vehicleClass: VehicleClass) => void
  setEtcCard: (etcCard: EtcCard) => void
  clearVehicle: () => void
}

const EMPTY_VEHICLE: StoredVehicle = { plateText: '', vehicleClass: null, etcCard: null }

const asVehicleClass = (value: unknown): VehicleClass | null =>
  VEHICLE_CLASSES.includes(value as VehicleClass) ? (value as VehicleClass) : null
const asEtcCard = (value: unknown): EtcCard | null => (ETC_CARDS.includes(value as EtcCard) ? (value as EtcCard) : null)

/** Whatever storage held, as a usable vehicle record (unknown fields become "not chosen yet"). */
export function sanitiseStoredVehicle(value: unknown): StoredVehicle {
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  return {
    plateText: typeof record.plateText === 'string' ? record.plateText.slice(0, PLATE_TEXT_MAX_LENGTH) : '',
    vehicleClass: asVehicleClass(record.vehicleClass),
    etcCard: asEtcCard(record.etcCard),
  }
}

export const useEtcVehicleStore = create<EtcVehicleState>()(
  persist(
    (set) => ({
      ...EMPTY_VEHICLE,
      setPlateText: (text) => set({ plateText: text.slice(0, PLATE_TEXT_MAX_LENGTH) }),
      setVehicleClass: (vehicleClass) => set({ vehicleClass: asVehicleClass(vehicleClass) }),
      setEtcCard: (etcCard) => set({ etcCard: asEtcCard(etcCard) }),
      clearVehicle: () => set(EMPTY_VEHICLE),
    }),
    persistOptions<EtcVehicleState, StoredVehicle>({
      name: 'etc-vehicle',
      version: 1,
      partialize: (state) => ({ plateText: state.plateText, vehicleClass: state.vehicleClass, etcCard: state.etcCard }),
      migrate: (persisted) => sanitiseStoredVehicle(persisted),
    }),
  ),
)

/**
 * The car as the domain needs it, or null while something is missing or the plate does not parse.
 * Values are re-checked here, so a record edited by hand in storage cannot reach the domain.
 */
export function selectVehicleProfile(state: StoredVehicle): (VehicleProfile & { plate: ParsedPlate }) | null {
  const vehicle = sanitiseStoredVehicle(state)
  if (vehicle.vehicleClass === null || vehicle.etcCard === null) return null
  const parsed = tryParsePlate(vehicle.plateText)
  if (!parsed.ok) return null
  return { plate: parsed.plate, vehicleClass: vehicle.vehicleClass, etcCard: vehicle.etcCard }
}

/** The stored car, field by field (one subscription each, so a re-render only follows a change). */
export function useStoredVehicle(): StoredVehicle {
  const plateText = useEtcVehicleStore((state) => state.plateText)
  const vehicleClass = useEtcVehicleStore((state) => state.vehicleClass)
  const etcCard = useEtcVehicleStore((state) => state.etcCard)
  return { plateText, vehicleClass, etcCard }
}

/** What is still missing before a verdict, in words: ['车牌号', '车型'] … */
export function missingVehicleFields(state: StoredVehicle): string[] {
  const vehicle = sanitiseStoredVehicle(state)
  const missing: string[] = []
  if (!tryParsePlate(vehicle.plateText).ok) missing.push('车牌号')
  if (vehicle.vehicleClass === null) missing.push('车型')
  if (vehicle.etcCard === null) missing.push('ETC 卡类型')
  return missing
}
