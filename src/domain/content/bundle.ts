/**
 * One operator import file (JSON or YAML): any of the policy data version, the trade-in subsidy
 * overrides (policy/subsidy-overrides.ts), the 衢城畅行 toll override (policy/toll-overrides.ts),
 * merchants and voucher batches with their rounds (vouchers/schema.ts, clause 十五) and events
 * (events/model.ts, clause 十五). Each part is validated by the schema its own area owns, so the
 * server, the import CLI and the app read one definition.
 */
import { z } from 'zod'
import { cityEventSchema } from '../events/model'
import { subsidyOverrideFileSchema } from '../policy/subsidy-overrides'
import { tollOverrideSchema } from '../policy/toll-overrides'
import { merchantSchema, voucherBatchSchema } from '../vouchers/schema'
import { policyVersionSchema } from './schemas'

export const CONTENT_KINDS = ['policy', 'subsidyOverrides', 'tollOverride', 'merchants', 'batches', 'events'] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]

/** The parts that are one document per store (the latest import replaces the previous one). */
export const SINGLE_DOCUMENT_KINDS = ['policy', 'subsidyOverrides', 'tollOverride'] as const

export const contentBundleSchema = z
  .strictObject({
    policy: policyVersionSchema.optional(),
    subsidyOverrides: subsidyOverrideFileSchema().optional(),
    tollOverride: tollOverrideSchema.optional(),
    merchants: z.array(merchantSchema).optional(),
    batches: z.array(voucherBatchSchema).optional(),
    events: z.array(cityEventSchema).optional(),
  })
  .refine((bundle) => CONTENT_KINDS.some((kind) => bundle[kind] !== undefined), {
    error: `文件里没有内容：顶层应有 ${CONTENT_KINDS.join('、')} 中的至少一项`,
  })

export type ContentBundle = z.output<typeof contentBundleSchema>
export type ContentBundleInput = z.input<typeof contentBundleSchema>
