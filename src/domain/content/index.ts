// Named re-exports (not `export *`): the server loads src/domain as CommonJS through tsx, and
// Node can only see names a CommonJS module lists explicitly.
export { effectivePeriodSchema, figureStatusSchema, policyVersionSchema, tollStationSchema } from './schemas'
export type { PolicyVersion, TollStationInput } from './schemas'
export { CONTENT_KINDS, SINGLE_DOCUMENT_KINDS, contentBundleSchema } from './bundle'
export type { ContentBundle, ContentBundleInput, ContentKind } from './bundle'
export { batchSpan, eventSpan } from './spans'
export type { BatchSpan, Span } from './spans'
export { checkContentConsistency, formatPath } from './consistency'
export type { ContentPath, ContentProblem, KnownContentIds, LocatedBundle } from './consistency'
export { findDroppedFields } from './unknown-fields'
export type { DroppedField } from './unknown-fields'
