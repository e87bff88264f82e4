/**
 * Clause (二十六) "衢城畅行" ETC toll waiver: plates, stations, verdicts, toll estimates and the
 * savings of a trip log. Data (stations, rates, period) lives in src/domain/policy/toll-*.ts and can
 * be replaced by an operator file through applyTollOverride.
 */
export { PlateError, PROVINCE_CHARACTERS, formatPlate, parsePlate, tryParsePlate } from './plate'
export type { ParsedPlate, PlateErrorCode } from './plate'
export { EARTH_MEAN_RADIUS_KM, haversineKm } from './geo'
export type { LngLat } from './geo'
export {
  StationError,
  findStation,
  groupStationsByCounty,
  groupStationsByHighway,
  nearestStations,
  normaliseStationName,
  searchStations,
  stations,
  suggestStations,
} from './stations'
export type { CountyGroup, HighwayGroup, StationDistance, StationErrorCode } from './stations'
export { ESTIMATE_LABEL, estimateClass1TollFen, formatEstimatedFen } from './toll-estimate'
export type { TollEstimate } from './toll-estimate'
export { ETC_CARD_HINT, ETC_CARD_LABEL, VEHICLE_CLASS_LABEL } from './labels'
export { TollWaiverError, checkTollWaiver, checkVehicleEligibility } from './waiver'
export { describeSchemePeriod, schemePeriodStatus } from './scheme-period'
export type { SchemePeriodState, SchemePeriodStatus } from './scheme-period'
export type {
  TollCondition,
  TollConditionId,
  TollOutcome,
  VehicleVerdictKind,
  TollWaiverErrorCode,
  TollWaiverInput,
  TollWaiverSource,
  TollWaiverVerdict,
  VehicleEligibility,
  VehicleProfile,
} from './waiver'
export { summariseSavings } from './savings'
export type { SavingsSummary, SavingsTotal, SkippedTrip, TripLogEntry, TripSaving } from './savings'
export { BUNDLED_TOLL_DATA, ETC_CARDS, VEHICLE_CLASSES } from '../policy/toll-scheme'
export type { EtcCard, TollData, TollEligibility, VehicleClass } from '../policy/toll-scheme'
export type { County, Highway, TollStation } from '../policy/toll-stations'
export { QUZHOU_COUNTIES } from '../policy/toll-stations'
export { applyTollOverride, createTollOverrideSchema, tollOverrideSchema } from '../policy/toll-overrides'
export type { OverrideIssue, TollOverrideFile, TollOverrideResult, TollOverrideSection } from '../policy/toll-overrides'
