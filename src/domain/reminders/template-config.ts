/**
 * The server's configuration of subscribe-message templates (WECHAT_SUBSCRIBE_TEMPLATES), checked
 * with zod. Kept apart from templates.ts so that the app's main package, which needs only the
 * default catalogue to ask for subscriptions, does not carry zod (the weapp main-package budget).
 */
import { z } from 'zod'
import { REMINDER_KINDS, type ReminderKind } from './kinds'
import {
  DEFAULT_TEMPLATE_CATALOGUE,
  FIELD_KEY_PATTERN,
  PAYLOAD_KEYS,
  isPlaceholderTemplateId,
  type SubscribeTemplate,
  type TemplateCatalogue,
} from './templates'

const fieldSchema = z
  .object({
    key: z.string().regex(FIELD_KEY_PATTERN, '字段名应为类型加序号，例如 thing1、time2'),
    label: z.string().min(1),
    from: z.string().min(1),
    fallback: z.string().min(1).optional(),
  })
  .strict()

const templateOverrideSchema = z
  .object({
    templateId: z.string().trim().min(1, '请填写模板 ID'),
    title: z.string().min(1).optional(),
    fields: z.array(fieldSchema).min(1).optional(),
  })
  .strict()

/** Server configuration: per kind, the real template id and (if the chosen template differs) its fields. */
export const templateCatalogueOverrideSchema = z.partialRecord(z.enum(REMINDER_KINDS), templateOverrideSchema)

export type TemplateCatalogueOverride = z.input<typeof templateCatalogueOverrideSchema>

export type TemplateCatalogueResult =
  | { ok: true; catalogue: TemplateCatalogue; placeholders: ReminderKind[] }
  | { ok: false; errors: { file: string; path: string; reason: string }[] }

/**
 * Applies an override on the defaults, all or nothing. `placeholders` lists kinds still on a
 * placeholder id: the server should refuse to send those (WeChat would answer 40037).
 */
export function parseTemplateCatalogue(data: unknown, file = 'subscribe-templates'): TemplateCatalogueResult {
  const result = templateCatalogueOverrideSchema.safeParse(data ?? {})
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({ file, path: issue.path.map(String).join('.'), reason: issue.message })),
    }
  }
  const catalogue = { ...DEFAULT_TEMPLATE_CATALOGUE } as Record<ReminderKind, SubscribeTemplate>
  const errors: { file: string; path: string; reason: string }[] = []
  for (const kind of REMINDER_KINDS) {
    const override = result.data[kind]
    if (!override) continue
    override.fields?.forEach((field, index) => {
      if (!PAYLOAD_KEYS[kind].includes(field.from)) {
        errors.push({ file, path: `${kind}.fields.${index}.from`, reason: `可用的取值有：${PAYLOAD_KEYS[kind].join('、')}` })
      }
    })
    catalogue[kind] = { ...catalogue[kind], ...override, kind }
  }
  if (errors.length > 0) return { ok: false, errors }
  const ids = REMINDER_KINDS.map((kind) => catalogue[kind].templateId)
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index)
  if (duplicate) return { ok: false, errors: [{ file, path: '', reason: `模板 ID ${duplicate} 被多个提醒类型共用` }] }
  return { ok: true, catalogue, placeholders: REMINDER_KINDS.filter((kind) => isPlaceholderTemplateId(catalogue[kind].templateId)) }
}
