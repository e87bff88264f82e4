/**
 * What the content endpoints answer: the imported documents (validated on import) plus the time
 * they were imported, and the 目标进度 table. The server documents its answers with these schemas;
 * the app infers its types from them.
 */
import { z } from 'zod'
import { eventObjectSchema } from '../events/model'
import { merchantObject } from '../vouchers/schema'

const updatedAt = z.string().describe('导入时间 ISO-8601 +08:00')

export const eventDocSchema = eventObjectSchema.extend({ updatedAt })
export type EventDoc = z.infer<typeof eventDocSchema>

export const merchantDocSchema = merchantObject.extend({ updatedAt })
export type MerchantDoc = z.infer<typeof merchantDocSchema>

/** A 衢城畅行 station as served: the domain's TollStation (highway and county spelled out). */
export const tollStationViewSchema = z.object({
  id: z.string(),
  name: z.string().describe('站名，不带“收费站”'),
  highway: z.object({ code: z.string(), name: z.string() }),
  county: z.object({ code: z.string(), name: z.string() }),
  lng: z.number(),
  lat: z.number(),
  inScheme: z.boolean().describe('是否纳入“衢城畅行”（第二十六条）'),
  status: z.enum(['confirmed', 'provisional', 'unknown']),
  pinyin: z.string().optional(),
  pinyinInitials: z.string().optional(),
})

export const tollMetaSchema = z.object({ version: z.string(), updatedAt: z.string().nullable() })

export const targetProgressRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  target: z.number().int(),
  actual: z.number().int(),
  met: z.boolean(),
  percent: z.number().int(),
  clause: z.string(),
  statusLabel: z.string(),
})
