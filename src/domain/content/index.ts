// Named re-exports (not `export *`): the server loads src/domain as CommonJS through tsx, and
// Node can only see names a CommonJS module lists explicitly.
export {
  CONTENT_KINDS,
  contentBundleSchema,
  effectivePeriodSchema,
  figureStatusSchema,
  policyOverrideSchema,
  policyVersionSchema,
  tollStationSchema,
} from './schemas'
export type { ContentBundle, ContentBundleInput, ContentKind, PolicyOverride, PolicyVersion, TollStationInput } from './schemas'
export { batchSpan, eventSpan } from './spans'
export type { BatchSpan, Span } from './spans'
export { checkContentConsistency, formatPath } from './consistency'
export type { ContentPath, ContentProblem, KnownContentIds, LocatedBundle } from './consistency'
