/**
 * The dry run of a policy correction as operators read it: for each item of the file, which
 * screen of the app shows it, and each field before → after. Items are compared as the stored
 * documents (what the app reads), leaf by leaf, so "该商户地址由 A 改为 B" is one line.
 */
import type { ContentChange } from './schemas'

/** Where residents see each kind of content. */
export const CONTENT_SCREEN: Record<string, string> = {
  policy: '首页 · 数据版本',
  subsidyOverrides: '补贴 · 以旧换新',
  tollOverride: '衢城畅行 · ETC',
  merchants: '消费券 · 适用商户',
  batches: '消费券',
  events: '活动日历',
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function leaves(value: unknown, path: string, into: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(path, [])
    value.forEach((item, index) => leaves(item, `${path}[${index}]`, into))
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Json>)
    if (entries.length === 0) into.set(path, {})
    for (const [key, item] of entries) leaves(item, path ? `${path}.${key}` : key, into)
  } else if (value !== undefined) {
    into.set(path, value)
  }
}

/** Every leaf that differs between two documents, in the order of `after` then removed ones. */
export function fieldChanges(before: unknown, after: unknown): ContentChange['fields'] {
  const a = new Map<string, unknown>()
  const b = new Map<string, unknown>()
  leaves(before, '', a)
  leaves(after, '', b)
  const changes: ContentChange['fields'] = []
  for (const [path, value] of b) {
    if (!a.has(path) || JSON.stringify(a.get(path)) !== JSON.stringify(value)) changes.push({ path: path || '(整体)', before: a.get(path) ?? null, after: value })
  }
  for (const [path, value] of a) if (!b.has(path)) changes.push({ path: path || '(整体)', before: value, after: null })
  return changes
}

export function contentChange(kind: string, id: string, title: string, before: unknown, after: unknown): ContentChange {
  const fields = fieldChanges(before ?? {}, after)
  return {
    screen: CONTENT_SCREEN[kind] ?? kind,
    kind,
    id,
    title,
    change: before === null || before === undefined ? 'added' : fields.length > 0 ? 'changed' : 'unchanged',
    fields: before === null || before === undefined ? [] : fields,
  }
}
