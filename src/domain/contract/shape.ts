/**
 * The contract's answers checked at the client's edge without zod (about 90 KB the weapp main
 * package cannot carry): a shape is the zod schema's JSON Schema reduced to what the app reads —
 * types, required keys, enums, unions — and is GENERATED from the schema (shapes.generated.ts,
 * checked by contract-shapes.test.ts), never written by hand. Value rules (patterns, ranges) stay
 * the server's; unknown keys are allowed, so a newer server may add fields.
 *
 * 's' string · 'i' integer · 'n' number · 'b' boolean · 'u' anything · null · ['a', item] array ·
 * ['r', value] record · ['e', ...values] one of · ['|', ...shapes] any of · { key, 'key?' } object.
 */
export type Shape = 's' | 'i' | 'n' | 'b' | 'u' | null | readonly ['a' | 'r', Shape] | readonly ['e', ...unknown[]] | readonly ['|', ...Shape[]] | { readonly [key: string]: Shape }

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

export function matchesShape(shape: Shape, value: unknown): boolean {
  if (shape === null) return value === null
  if (shape === 'u') return true
  if (shape === 's') return typeof value === 'string'
  if (shape === 'b') return typeof value === 'boolean'
  if (shape === 'i') return Number.isInteger(value)
  if (shape === 'n') return typeof value === 'number' && Number.isFinite(value)
  if (Array.isArray(shape)) {
    const [tag, ...rest] = shape
    if (tag === 'e') return rest.includes(value)
    if (tag === '|') return rest.some((item) => matchesShape(item as Shape, value))
    const item = rest[0] as Shape
    if (tag === 'a') return Array.isArray(value) && value.every((element) => matchesShape(item, element))
    return isRecord(value) && Object.values(value).every((element) => matchesShape(item, element))
  }
  if (!isRecord(value)) return false
  return Object.entries(shape as Record<string, Shape>).every(([key, item]) => {
    const optional = key.endsWith('?')
    const field = value[optional ? key.slice(0, -1) : key]
    return (optional && field === undefined) || matchesShape(item, field)
  })
}

type JsonSchema = {
  type?: string | string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: JsonSchema | boolean
}

const SCALAR: Record<string, Shape> = { string: 's', integer: 'i', number: 'n', boolean: 'b', null: null }

/** A JSON Schema (zod's z.toJSONSchema) as a shape; used where the shapes are generated. */
export function shapeOfJsonSchema(schema: JsonSchema): Shape {
  const union = schema.anyOf ?? schema.oneOf
  if (union) return ['|', ...union.map(shapeOfJsonSchema)]
  if (schema.enum) return ['e', ...schema.enum]
  if ('const' in schema) return ['e', schema.const]
  if (Array.isArray(schema.type)) return ['|', ...schema.type.map((type) => shapeOfJsonSchema({ ...schema, type }))]
  if (schema.type === 'array') return ['a', schema.items ? shapeOfJsonSchema(schema.items) : 'u']
  if (schema.type === 'object') {
    if (!schema.properties) return typeof schema.additionalProperties === 'object' ? ['r', shapeOfJsonSchema(schema.additionalProperties)] : ['r', 'u']
    const required = new Set(schema.required ?? [])
    return Object.fromEntries(Object.entries(schema.properties).map(([key, item]) => [required.has(key) ? key : `${key}?`, shapeOfJsonSchema(item)]))
  }
  return schema.type !== undefined && schema.type in SCALAR ? SCALAR[schema.type] : 'u'
}
