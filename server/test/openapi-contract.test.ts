/**
 * The OpenAPI document at /docs is the contract the app and any other client read. Every route
 * must name the shape of its success answer with a zod schema from src/domain/contract (or a
 * precise one of its own), so /docs shows it and the app infers its types from the same schema.
 * An opaque object (`z.looseObject({})`, `z.record(...)` with nothing declared) does not count.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startHarness, type Harness } from './helpers/harness'

type JsonSchema = Record<string, unknown>

const HOW_TO_FIX =
  'Give the route a response schema: `schema: { response: { 200: envelope(yourViewSchema), ...errorResponses(…) } }`, ' +
  'with the view schema written once in src/domain/contract/<area>.ts (zod) and the app\'s types inferred from it ' +
  '(z.infer). Do not answer z.looseObject({}) or leave response out: /docs must show what the route answers.'

/** Paths inside a schema where an object declares nothing about its fields. */
function opaqueObjects(schema: unknown, at: string, found: string[]): string[] {
  if (!schema || typeof schema !== 'object') return found
  const node = schema as JsonSchema
  const properties = node.properties as Record<string, unknown> | undefined
  const isObject = node.type === 'object'
  const declaresFields = properties !== undefined && Object.keys(properties).length > 0
  const hasValueSchema = typeof node.additionalProperties === 'object' && Object.keys(node.additionalProperties as object).length > 0
  if (isObject && !declaresFields && !hasValueSchema && !node.allOf && !node.anyOf && !node.oneOf) found.push(at || '(root)')
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) opaqueObjects(child, `${at}.${name}`, found)
    } else if (Array.isArray(value)) {
      value.forEach((child, index) => opaqueObjects(child, `${at}.${key}[${index}]`, found))
    } else if (value && typeof value === 'object' && key !== 'properties') {
      opaqueObjects(value, `${at}.${key}`, found)
    }
  }
  return found
}

let h: Harness
before(async () => {
  h = await startHarness({}, { seed: false })
})
after(async () => {
  await h.close()
})

describe('the OpenAPI document (/docs/json)', () => {
  test('every route documents its success answer, and no part of it is an opaque object', async () => {
    const spec = (await h.request({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> }
    const problems: string[] = []
    let routes = 0
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        routes += 1
        const route = `${method.toUpperCase()} ${path}`
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status))
        if (successes.length === 0) {
          problems.push(`${route}: no 2xx response schema`)
          continue
        }
        for (const [status, response] of successes) {
          const schemas = Object.values(response.content ?? {}).map((media) => media.schema)
          if (schemas.length === 0 || schemas.some((schema) => schema === undefined)) {
            problems.push(`${route} ${status}: no schema for the body`)
            continue
          }
          for (const schema of schemas) {
            for (const place of opaqueObjects(schema, '', [])) problems.push(`${route} ${status}: ${place} is an object with no declared fields`)
          }
        }
      }
    }
    assert.ok(routes >= 40, `expected the whole API in the document, found ${routes} routes`)
    assert.deepEqual(problems, [], `${problems.join('\n')}\n\n${HOW_TO_FIX}`)
  })

  test('the check catches an opaque answer', () => {
    assert.deepEqual(opaqueObjects({ type: 'object', properties: { data: { type: 'object', properties: {}, additionalProperties: {} } } }, '', []), ['.data'])
    assert.deepEqual(opaqueObjects({ type: 'object', properties: { data: { type: 'object', properties: { id: { type: 'string' } } } } }, '', []), [])
  })
})
