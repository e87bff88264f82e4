export {
  EVENT_TYPES,
  EVENT_TYPE_LABEL,
  SPORTS_LEVELS,
  SPORTS_LEVEL_LABEL,
  EVENT_STATUSES,
  EVENT_STATUS_LABEL,
  WEEKDAY_LABEL,
  MAX_OCCURRENCE_DAYS,
  MAX_RECURRENCE_SPAN_DAYS,
  EventError,
  type EventErrorCode,
  type EventStatus,
  type EventType,
  type SportsLevel,
} from './event-basics'
export {
  cityEventSchema,
  parseEvent,
  parseEventImport,
  firstDateOf,
  type CityEvent,
  type CityEventInput,
  type Admission,
  type EventImportResult,
  type EventProvenance,
  type ImportError,
  type RecurrenceRule,
  type Venue,
} from './model'
export { COUNTIES, COUNTY_CODES, QUZHOU_CITY_CODE, QUZHOU_BOUNDS, ZHIZAO_XINCHENG_TAG, countyName, type CountyCode } from './places'
export {
  expandOccurrences,
  allOccurrences,
  firstOccurrence,
  nextOccurrence,
  reminderAnchorMs,
  compareOccurrences,
  type EventOccurrence,
} from './occurrences'
export { holidayInfo, holidayDataCoverage, isHolidayDataKnown, type HolidayInfo, type HolidayDayKind } from './holidays'
export {
  monthGrid,
  monthGridRange,
  monthView,
  indexOccurrencesByDay,
  eventsOnDay,
  eventDotsByDay,
  dotsFromIndex,
  listOccurrences,
  filterEvents,
  matchesFilters,
  sortEvents,
  compareDatedEvents,
  type CalendarDay,
  type DatedEvent,
  type DayIndex,
  type EventFilters,
  type MonthGrid,
  type MonthGridOptions,
  type MonthView,
} from './calendar'
export { targetProgress, PROGRESS_NOTE, type TargetProgress, type TargetProgressRow } from './targets'
export { eventToIcs, icsFileName, eventLocationText, escapeIcsText, foldIcsLine, ICS_MIME_TYPE, type IcsOptions } from './ics'
export { phoneCalendarParams, type PhoneCalendarParams } from './phone-calendar'
export { realEvents2025 } from './real-events-2025'
export { sampleEvents } from './sample-events'
