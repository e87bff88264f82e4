/**
 * The shape of a trade-in subsidy rule set (clause 十四): what each measure pays, on which dates,
 * and how to apply. A rule set is plain JSON-able data, so an operator override file
 * (subsidy-overrides.ts, README.md) can replace or patch any part of it.
 *
 * Every figure is a DatedFigure: its value plus the clause, source, status and dates it is in
 * force. Money is integer fen (fields end in `Fen`), rates are percents (20 = 20%), dates are
 * Shanghai 'YYYY-MM-DD'. Calculators read figures only through these types; no figure is written
 * in logic.
 */
import type { EffectivePeriod, Figure, FigureStatus, PolicySource } from './types'
import type {
  ApplianceCategory,
  DigitalCategory,
  EbikeBatteryType,
  NewCarEnergy,
  OldCarFuel,
  RenovationKind,
  SubsidyMeasure,
} from './subsidy-vocabulary'

export interface DatedFigure<T> extends Figure<T> {
  /** What the figure is, in Chinese, e.g. '家电一级能效补贴比例'. Shown beside 待官方确认. */
  label: string
  effective: EffectivePeriod
}

/** A period with its own provenance: a measure's dates are policy too. */
export interface SourcedPeriod extends EffectivePeriod, PolicySource {}

/** Where a figure comes from, without the value: what data files share between figures. */
export type Provenance = PolicySource

export function datedFigure<T>(label: string, value: T, provenance: Provenance, effective: EffectivePeriod): DatedFigure<T> {
  return { label, value, ...provenance, effective: { ...effective } }
}

export function sourcedPeriod(period: EffectivePeriod, provenance: Provenance): SourcedPeriod {
  return { ...period, ...provenance }
}

export type GradeKey = '1' | '2' | '3' | '4' | '5'

/**
 * Rate by energy/water-efficiency grade. A grade listed in `byGrade` gets its rate; any other
 * grade (and no label at all) gets `otherGrades`, or nothing when that is null (appliances: only
 * grades 1 and 2 qualify; furniture: everything qualifies at 15%, grade 1 at 20%).
 */
export interface GradedRates {
  byGrade: Partial<Record<GradeKey, DatedFigure<number>>>
  otherGrades: DatedFigure<number> | null
}

/** One row of a price-tier table: prices from `minPriceFen` (inclusive) up to the next row's. */
export interface PriceTier {
  minPriceFen: number
  amountFen: number
}

/** How a car subsidy is computed: a fixed amount, a rate with a cap, or a tier table with a cap. */
export type CarAmountRule =
  | { basis: 'fixed'; amountFen: DatedFigure<number> }
  | { basis: 'rate'; ratePercent: DatedFigure<number>; capFen: DatedFigure<number> }
  | { basis: 'tiers'; tiers: DatedFigure<PriceTier[]>; capFen: DatedFigure<number> }

export interface ApplianceRule {
  effective: SourcedPeriod
  categories: DatedFigure<ApplianceCategory[]>
  rates: GradedRates
  capFen: DatedFigure<number>
  /** Items per person per category; `byCategory` overrides `perCategory` (air conditioners: 3). */
  perPersonLimit: DatedFigure<{ perCategory: number; byCategory: Partial<Record<ApplianceCategory, number>> }>
}

export interface FurnitureRule {
  effective: SourcedPeriod
  rates: GradedRates
  capFen: DatedFigure<number>
  /** Cumulative subsidy per person; null while no limit is known (Zhejiang's was not published). */
  perPersonTotalCapFen: DatedFigure<number | null>
}

export interface DigitalRule {
  effective: SourcedPeriod
  categories: DatedFigure<DigitalCategory[]>
  /** Highest single-item price that qualifies, inclusive ("6000元以下" includes 6,000). */
  priceLimitFen: DatedFigure<number>
  ratePercent: DatedFigure<number>
  capFen: DatedFigure<number>
  perPersonLimit: DatedFigure<{ perCategory: number }>
}

export interface CarScrapRule {
  effective: SourcedPeriod
  amounts: Record<NewCarEnergy, CarAmountRule>
  /** A fuel new car qualifies only up to this displacement in litres, inclusive. */
  fuelMaxDisplacementL: DatedFigure<number>
  /**
   * Latest first-registration date of the scrapped car, inclusive, by its fuel; null when the rule
   * set states no such cut-off (2026: the reports of 发改环资〔2025〕1745号 name none, so it is a
   * point to check, never a ground for rejection).
   */
  oldCarRegisteredOnOrBefore: DatedFigure<Record<OldCarFuel, string>> | null
  /** The old car must be in the applicant's name on or before this date; null when not stated. */
  oldCarOwnedOnOrBefore: DatedFigure<string> | null
  /** 报废 and 置换 cannot both be claimed for the same car. */
  exclusiveWithReplace: DatedFigure<boolean>
  /** The new new-energy car must be on 减免车辆购置税的新能源汽车车型目录 (2026); absent in 2025. */
  nevOnTaxExemptionCatalogue?: DatedFigure<boolean> | null
  /** What a resident should check because it is not yet known (待官方确认); never a ground for rejection. */
  pointsToCheck?: DatedFigure<string>[]
}

export interface CarReplaceRule {
  effective: SourcedPeriod
  amounts: Record<NewCarEnergy, CarAmountRule>
  /** null when the rule set states no ownership cut-off (see CarScrapRule). */
  oldCarOwnedOnOrBefore: DatedFigure<string> | null
  perPersonPerYear: DatedFigure<number>
  nevOnTaxExemptionCatalogue?: DatedFigure<boolean> | null
  pointsToCheck?: DatedFigure<string>[]
}

/** An e-bike top-up paid when the battery types match (unset = any). */
export interface EbikeExtra {
  oldBatteryType?: EbikeBatteryType
  newBatteryType?: EbikeBatteryType
  amountFen: number
}

export interface EbikeRule {
  effective: SourcedPeriod
  /** The old e-bike must be handed to a qualified recycler. */
  requireRecycling: DatedFigure<boolean>
  /** The new e-bike must carry CCC and meet GB 17761-2024. */
  requireCompliantNewBike: DatedFigure<boolean>
  baseAmountFen: DatedFigure<number>
  extras: DatedFigure<EbikeExtra>[]
  /** New e-bikes per person; null while unknown. */
  perPersonLimit: DatedFigure<number | null>
}

export interface RenovationKindRule {
  rates: GradedRates
  capFen: DatedFigure<number>
}

export interface RenovationRule {
  effective: SourcedPeriod
  kinds: Partial<Record<RenovationKind, RenovationKindRule>>
  perPersonTotalCapFen: DatedFigure<number | null>
}

export interface SubsidyMeasureRules {
  appliance?: ApplianceRule | null
  furniture?: FurnitureRule | null
  digital?: DigitalRule | null
  'car-scrap'?: CarScrapRule | null
  'car-replace'?: CarReplaceRule | null
  ebike?: EbikeRule | null
  renovation?: RenovationRule | null
}

/** Why a measure's rule for a period is not known yet, and where that was read. */
export interface UnpublishedMeasure extends PolicySource {
  /** Chinese, shown to residents: what is and is not known, e.g. 2026 年衢州家居换新补贴标准尚未公布. */
  text: string
}

/** A document figures cite; keyed in `SubsidyRuleSet.documents` by the figure's `clause`. */
export interface PolicyDocument {
  /** Short citation for reasons, e.g. '衢政发〔2025〕4号（十四）'. */
  citation: string
  title: string
  /** The clause text (verbatim when `verbatim`), or a faithful summary of a national notice. */
  text: string
  verbatim: boolean
}

export interface GuideItem {
  text: string
  status: FigureStatus
  source: string
}

/** 怎么申请: where, in which order, with what. */
export interface ApplicationGuideData {
  channel: GuideItem
  steps: GuideItem[]
  materials: GuideItem[]
  notes: GuideItem[]
}

export interface SubsidyRuleSet {
  /** Stable id carried with every quote and used by override files, e.g. 'quzhou-2025'; never shown to residents (the title is). */
  id: string
  title: string
  /** Status of the rule set as a whole (national-2026 is provisional). */
  status: FigureStatus
  note?: string
  effective: SourcedPeriod
  documents: Record<string, PolicyDocument>
  /**
   * A measure that is absent or null has no rule in this set — unless `unpublished` lists it, in
   * which case whether it is subsidised is not known yet. A rule in `measures` wins over an
   * `unpublished` entry, so an operator publishes a rule by patching `measures` alone.
   */
  measures: SubsidyMeasureRules
  /**
   * Measures whose rule for this period has not been published (2026: furniture, e-bikes,
   * renovation and smart home, not named in the reports of 发改环资〔2025〕1745号). A quote then says 尚未公布（待官方确认）
   * and offers a reminder; it never says there is no subsidy.
   */
  unpublished?: Partial<Record<SubsidyMeasure, UnpublishedMeasure>>
  guides: Partial<Record<SubsidyMeasure, ApplicationGuideData | null>>
}

const FIGURE_KEYS = ['label', 'value', 'clause', 'source', 'status', 'effective'] as const

export function isDatedFigure(node: unknown): node is DatedFigure<unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && FIGURE_KEYS.every((key) => key in node)
}

export type DataPath = Array<string | number>

/** Every figure in a rule set with its path, e.g. ['measures', 'ebike', 'baseAmountFen']. */
export function listFigures(ruleSet: SubsidyRuleSet): Array<{ path: DataPath; figure: DatedFigure<unknown> }> {
  const found: Array<{ path: DataPath; figure: DatedFigure<unknown> }> = []
  const visit = (node: unknown, path: DataPath): void => {
    if (isDatedFigure(node)) {
      found.push({ path, figure: node })
      return
    }
    if (Array.isArray(node)) node.forEach((child, index) => visit(child, [...path, index]))
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key])
    }
  }
  visit(ruleSet?.measures, ['measures'])
  return found
}

/** The figures an operator should confirm or replace: status provisional or unknown. */
export function listUnconfirmedFigures(ruleSet: SubsidyRuleSet): Array<{ path: DataPath; figure: DatedFigure<unknown> }> {
  return listFigures(ruleSet).filter(({ figure }) => figure.status !== 'confirmed')
}

const STATUS_RANK: Record<FigureStatus, number> = { confirmed: 0, provisional: 1, unknown: 2 }

/** The least certain of several statuses: one unknown figure makes a headline unknown. */
export function weakestStatus(statuses: FigureStatus[]): FigureStatus {
  return statuses.reduce<FigureStatus>((weakest, status) => (STATUS_RANK[status] > STATUS_RANK[weakest] ? status : weakest), 'confirmed')
}

export function formatDataPath(path: DataPath): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`), '')
}
