/**
 * One valid purchase per measure for the tests in this folder, bought on 2025-05-01 under the
 * 2025 Quzhou rules; a test says only what it changes.
 */
import type {
  ApplianceInput,
  CarReplaceInput,
  CarScrapInput,
  DigitalInput,
  EbikeInput,
  FurnitureInput,
  RenovationInput,
} from './subsidy-input'

const DAY_2025 = '2025-05-01'

export const appliance = (overrides: Partial<ApplianceInput> = {}): ApplianceInput => ({
  measure: 'appliance',
  category: 'air-conditioner',
  priceYuan: '5000',
  grade: 1,
  purchaseDate: DAY_2025,
  ...overrides,
})
export const furniture = (overrides: Partial<FurnitureInput> = {}): FurnitureInput => ({
  measure: 'furniture',
  priceYuan: 3000,
  grade: null,
  purchaseDate: DAY_2025,
  ...overrides,
})
export const digital = (overrides: Partial<DigitalInput> = {}): DigitalInput => ({
  measure: 'digital',
  category: 'phone',
  priceYuan: 3000,
  purchaseDate: DAY_2025,
  ...overrides,
})
export const carScrap = (overrides: Partial<CarScrapInput> = {}): CarScrapInput => ({
  measure: 'car-scrap',
  newCarEnergy: 'nev',
  oldCarFuel: 'petrol',
  oldCarRegisteredOn: '2010-03-01',
  oldCarOwnedSince: '2015-01-01',
  priceYuan: 150000,
  purchaseDate: DAY_2025,
  ...overrides,
})
export const carReplace = (overrides: Partial<CarReplaceInput> = {}): CarReplaceInput => ({
  measure: 'car-replace',
  newCarEnergy: 'nev',
  oldCarOwnedSince: '2020-01-01',
  priceYuan: 155800,
  purchaseDate: DAY_2025,
  ...overrides,
})
export const ebike = (overrides: Partial<EbikeInput> = {}): EbikeInput => ({
  measure: 'ebike',
  oldBatteryType: 'lead-acid',
  newBatteryType: 'lead-acid',
  oldEbikeHandedToRecycler: true,
  newEbikeCompliant: true,
  priceYuan: 3000,
  purchaseDate: DAY_2025,
  ...overrides,
})
export const renovation = (overrides: Partial<RenovationInput> = {}): RenovationInput => ({
  measure: 'renovation',
  kind: 'decoration-material',
  priceYuan: 10000,
  grade: null,
  purchaseDate: DAY_2025,
  ...overrides,
})
