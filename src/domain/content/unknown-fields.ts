/**
 * An operator file must not lose a mistyped field silently ("tresholdFen: 500" would otherwise
 * vanish and the batch would import without a threshold). Some area schemas strip unknown keys
 * rather than reject them, so after parsing we compare what was given with what was kept: any key
 * present in the input and absent from the parsed document was not understood.
 */
import type { ContentPath } from './consistency'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface DroppedField {
  /** Path of the object holding the unknown key. */
  path: ContentPath
  key: string
}

export function findDroppedFields(input: unknown, parsed: unknown, path: ContentPath = []): DroppedField[] {
  if (Array.isArray(input) && Array.isArray(parsed) && input.length === parsed.length) {
    return input.flatMap((item, index) => findDroppedFields(item, parsed[index], [...path, index]))
  }
  if (!isPlainObject(input) || !isPlainObject(parsed)) return []
  const dropped: DroppedField[] = []
  for (const [key, value] of Object.entries(input)) {
    if (!(key in parsed)) {
      // An explicit `undefined` (only possible from code, never from a file) is not a field.
      if (value !== undefined) dropped.push({ path, key })
      continue
    }
    dropped.push(...findDroppedFields(value, parsed[key], [...path, key]))
  }
  return dropped
}
