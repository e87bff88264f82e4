/**
 * The words of clause (十四)'s trade-in measures as ids that code, data and override files share,
 * with the Chinese names screens and reasons use. Which ids a rule set actually subsidises is data
 * (national-2026 covers 6 of the 12 appliance categories); this file only names them.
 */

export const SUBSIDY_MEASURES = ['appliance', 'furniture', 'digital', 'car-scrap', 'car-replace', 'ebike', 'renovation'] as const
export type SubsidyMeasure = (typeof SUBSIDY_MEASURES)[number]

export const MEASURE_LABEL: Record<SubsidyMeasure, string> = {
  appliance: '家电',
  furniture: '家居',
  digital: '数码产品',
  'car-scrap': '汽车报废更新',
  'car-replace': '汽车置换更新',
  ebike: '电动自行车',
  renovation: '家装（旧房装修、厨卫改造、适老化改造）',
}

/** The 12 categories of clause (十四) ("家电补贴由8类扩围至12类") in the order the notices list them. */
export const APPLIANCE_CATEGORIES = [
  'refrigerator',
  'washing-machine',
  'television',
  'air-conditioner',
  'computer',
  'water-heater',
  'stove',
  'range-hood',
  'water-purifier',
  'dishwasher',
  'rice-cooker',
  'microwave',
] as const
export type ApplianceCategory = (typeof APPLIANCE_CATEGORIES)[number]

export const APPLIANCE_CATEGORY_LABEL: Record<ApplianceCategory, string> = {
  refrigerator: '冰箱',
  'washing-machine': '洗衣机',
  television: '电视',
  'air-conditioner': '空调',
  computer: '电脑',
  'water-heater': '热水器',
  stove: '家用灶具',
  'range-hood': '吸油烟机',
  'water-purifier': '净水器',
  dishwasher: '洗碗机',
  'rice-cooker': '电饭煲',
  microwave: '微波炉',
}

/**
 * Digital and smart products. `smartwatch` is 智能手表（手环）in both years; `smart-glasses` is
 * named only by the 2026 national notice (发改环资〔2025〕1745号), so only rule sets from 2026 list
 * it and a 2025 purchase of smart glasses gets no subsidy.
 */
export const DIGITAL_CATEGORIES = ['phone', 'tablet', 'smartwatch', 'smart-glasses'] as const
export type DigitalCategory = (typeof DIGITAL_CATEGORIES)[number]

export const DIGITAL_CATEGORY_LABEL: Record<DigitalCategory, string> = {
  phone: '手机',
  tablet: '平板',
  smartwatch: '智能手表（手环）',
  'smart-glasses': '智能眼镜',
}

/** The product classes of the national home-renovation notice (商办消费函〔2025〕29号). */
export const RENOVATION_KINDS = ['decoration-material', 'sanitary-ware', 'furniture-lighting', 'smart-home', 'elderly-adaptation'] as const
export type RenovationKind = (typeof RENOVATION_KINDS)[number]

export const RENOVATION_KIND_LABEL: Record<RenovationKind, string> = {
  'decoration-material': '装修材料',
  'sanitary-ware': '卫生洁具',
  'furniture-lighting': '家具照明',
  'smart-home': '智能家居',
  'elderly-adaptation': '居家适老化改造产品',
}

/** China energy label (中国能效标识) or water-efficiency label grade; 1 is the best. */
export const ENERGY_GRADES = [1, 2, 3, 4, 5] as const
export type EnergyGrade = (typeof ENERGY_GRADES)[number]

export const ENERGY_GRADE_LABEL: Record<EnergyGrade, string> = {
  1: '一级能效',
  2: '二级能效',
  3: '三级能效',
  4: '四级能效',
  5: '五级能效',
}
export const NO_ENERGY_LABEL = '无能效/水效标识'

export const NEW_CAR_ENERGIES = ['nev', 'fuel'] as const
export type NewCarEnergy = (typeof NEW_CAR_ENERGIES)[number]

export const NEW_CAR_ENERGY_LABEL: Record<NewCarEnergy, string> = {
  nev: '新能源车',
  fuel: '燃油车',
}

export const OLD_CAR_FUELS = ['petrol', 'diesel', 'nev', 'other'] as const
export type OldCarFuel = (typeof OLD_CAR_FUELS)[number]

export const OLD_CAR_FUEL_LABEL: Record<OldCarFuel, string> = {
  petrol: '汽油车',
  diesel: '柴油车',
  nev: '新能源车',
  other: '其他燃料类型汽车',
}

export const EBIKE_BATTERY_TYPES = ['lead-acid', 'lithium', 'other'] as const
export type EbikeBatteryType = (typeof EBIKE_BATTERY_TYPES)[number]

export const EBIKE_BATTERY_LABEL: Record<EbikeBatteryType, string> = {
  'lead-acid': '铅酸电池',
  lithium: '锂电池',
  other: '其他电池',
}
