/**
 * The operators' console contract (issue 17): every request and response body of
 * `/api/v1/admin/...`, written once here and imported by the server's routes (validation and the
 * OpenAPI document) and by the console in admin/ (its forms and its API client). Batch, merchant
 * and event bodies are the content schemas their own areas own (vouchers/schema.ts,
 * events/model.ts), so a form and an import file are checked by the same rules.
 */
import { z } from 'zod'
import { cityEventSchema } from '../events/model'
import { merchantSchema, voucherBatchSchema } from '../vouchers/schema'

// Staff and sign-in -------------------------------------------------------------------------------

export const STAFF_ROLES = ['operator', 'auditor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
/** 运营 changes things; 审计 reads everything and changes nothing (the server enforces it). */
export const STAFF_ROLE_LABEL: Record<StaffRole, string> = { operator: '运营', auditor: '审计' }

export const staffRoleSchema = z.enum(STAFF_ROLES, { error: '角色只能是 运营（operator）或 审计（auditor）' })

export const staffAccountSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '账号为 3–32 位小写字母、数字、. _ -，以字母开头')

/** Long passphrases over composition rules (NIST SP 800-63B); the hash is argon2id. */
export const staffPasswordSchema = z.string().min(12, '密码至少 12 位').max(128, '密码最多 128 位')

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, '验证码为身份验证器上的 6 位数字')

export const staffLoginBodySchema = z.strictObject({
  account: staffAccountSchema,
  password: z.string().min(1, '请输入密码').max(128),
  code: totpCodeSchema,
})

export const staffSetupBodySchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, '设置链接无效'),
  password: staffPasswordSchema,
  code: totpCodeSchema,
})

export const staffSchema = z.object({
  id: z.string(),
  account: z.string(),
  role: staffRoleSchema,
  enrolled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
})
export type Staff = z.infer<typeof staffSchema>

export const staffSessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  staff: staffSchema,
})

export const staffSetupInfoSchema = z.object({
  account: z.string(),
  role: staffRoleSchema,
  /** otpauth://totp/… for the authenticator app (shown as a QR code and as text). */
  otpauthUri: z.string(),
  secret: z.string(),
  expiresAt: z.string(),
})

export const staffSetupLinkSchema = z.object({ staff: staffSchema, setupPath: z.string(), expiresAt: z.string() })

export const staffCreateBodySchema = z.strictObject({ account: staffAccountSchema, role: staffRoleSchema })
export const staffRoleBodySchema = z.strictObject({ role: staffRoleSchema })

// Audit log -----------------------------------------------------------------------------------

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorAccount: z.string(),
  actorRole: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

/** What each audited action is called in the console. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  'staff.login': '登录后台',
  'staff.create': '新建后台账号',
  'staff.role': '修改后台角色',
  'staff.reset': '重置密码和验证器',
  'staff.setup': '完成账号设置',
  'batch.draft.save': '保存批次草稿',
  'batch.publish': '发布批次',
  'batch.edit': '修改已发布批次',
  'batch.round.pause': '暂停轮次',
  'batch.round.resume': '恢复轮次',
  'batch.close': '结束批次',
  'merchant.save': '保存商户',
  'merchant.suspend': '暂停商户',
  'merchant.unsuspend': '恢复商户',
  'merchant.bind': '绑定核销账号',
  'merchant.unbind': '解绑核销账号',
  'event.save': '保存活动',
  'event.move': '改期活动',
  'event.cancel': '取消活动',
  'policy.import': '导入政策数据',
  'resident.revoke-sessions': '注销居民登录',
  'export.redemptions': '导出对账数据',
  'export.audit': '导出审计日志',
}

// Batches -------------------------------------------------------------------------------------

export const ADMIN_BATCH_STATUSES = ['draft', 'scheduled', 'open', 'ended', 'closed'] as const
export type AdminBatchStatus = (typeof ADMIN_BATCH_STATUSES)[number]
export const ADMIN_BATCH_STATUS_LABEL: Record<AdminBatchStatus, string> = {
  draft: '草稿',
  scheduled: '待开抢',
  open: '领取中',
  ended: '领取结束',
  closed: '已提前结束',
}

/** A round's window and progress, as the batch page and the dashboard show it. */
const roundProgressFields = {
  opensAt: z.string(),
  closesAt: z.string(),
  phase: z.enum(['upcoming', 'open', 'sold-out', 'closed']),
  /** Base quota plus carried-over and returned quota. */
  total: z.number().int(),
  claimed: z.number().int(),
  remaining: z.number().int(),
  paused: z.boolean(),
}

export const adminRoundSchema = z.object({ id: z.string(), ...roundProgressFields })

export const adminBatchSchema = z.object({
  batch: voucherBatchSchema,
  status: z.enum(ADMIN_BATCH_STATUSES),
  /** The batch has had a claim (or a round opened): only the fields editBatchProblems allows may change. */
  claimingStarted: z.boolean(),
  rounds: z.array(adminRoundSchema),
  redeemed: z.object({ count: z.number().int(), netFen: z.number().int() }),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
})
export type AdminBatch = z.infer<typeof adminBatchSchema>

export const batchDraftBodySchema = voucherBatchSchema
export const batchValidationSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ path: z.string(), reason: z.string() })),
})
export const roundPauseBodySchema = z.strictObject({ paused: z.boolean() })
export const batchCloseResultSchema = z.object({
  closedAt: z.string(),
  /** Per round: what was not claimed when the batch closed. */
  unclaimed: z.array(z.object({ roundId: z.string(), unclaimed: z.number().int() })),
  /** quotaReturn.unclaimed: the unclaimed units (× face value) go back to the programme's pool. */
  returnedFen: z.number().int(),
  returned: z.boolean(),
})

// Dashboard -----------------------------------------------------------------------------------

export const dashboardSchema = z.object({
  serverTime: z.string(),
  rounds: z.array(
    z.object({
      batchId: z.string(),
      batchTitle: z.string(),
      roundId: z.string(),
      ...roundProgressFields,
      provisional: z.boolean(),
    }),
  ),
  claims: z.object({
    /** Claims per second over the last minute. */
    perSecond: z.number(),
    lastMinute: z.number().int(),
    today: z.number().int(),
  }),
  refusals: z.array(z.object({ code: z.string(), count: z.number().int() })),
  gate: z.object({
    engine: z.enum(['store', 'redis']),
    healthy: z.boolean(),
    latencyMs: z.number().nullable(),
    message: z.string(),
  }),
  redemptionsToday: z.array(z.object({ county: z.string(), countyName: z.string(), count: z.number().int(), netFen: z.number().int() })),
  reminders: z.object({ queued: z.number().int(), sentToday: z.number().int(), inAppToday: z.number().int(), failedToday: z.number().int() }),
  provisional: z.array(z.object({ area: z.string(), what: z.string() })),
})
export type Dashboard = z.infer<typeof dashboardSchema>

// Merchants -----------------------------------------------------------------------------------

export const merchantBodySchema = merchantSchema
export const adminMerchantSchema = z.object({
  merchant: merchantSchema,
  suspended: z.boolean(),
  accounts: z.array(z.object({ id: z.string(), nickname: z.string().nullable(), createdAt: z.string() })),
  updatedAt: z.string(),
})
export const merchantSuspendBodySchema = z.strictObject({ suspended: z.boolean() })
export const merchantBindBodySchema = z.strictObject({ userId: z.uuid({ error: '账号编号格式不对' }) })

// Events --------------------------------------------------------------------------------------

export const eventBodySchema = cityEventSchema
export const eventMoveBodySchema = z.strictObject({
  start: z.string().min(1, '请填写新的开始时间'),
  end: z.string().min(1, '请填写新的结束时间'),
  changeNote: z.string().trim().min(1, '请写明改期说明，居民会看到').max(200),
})
export const eventCancelBodySchema = z.strictObject({
  changeNote: z.string().trim().min(1, '请写明取消说明，居民会看到').max(200),
})
export const eventChangeResultSchema = z.object({
  event: z.looseObject({ id: z.string() }),
  /** Reminders moved to the new time (or stopped, for a cancellation). */
  remindersUpdated: z.number().int(),
})

// Policy corrections ----------------------------------------------------------------------------

export const policyImportBodySchema = z.strictObject({
  /** The file's name, for problems (`subsidy-2026.yaml:12:3`). */
  fileName: z.string().trim().min(1).max(120).regex(/\.(json|ya?ml)$/i, '只接受 .json、.yaml 或 .yml 文件'),
  /**
   * The file's bytes in Base64 (UTF-8 JSON or YAML: the same content file the CLI takes). Base64
   * because the API refuses line breaks in any text field, and a file is all line breaks.
   */
  contentBase64: z
    .string()
    .min(1, '文件是空的')
    .max(2_800_000, '文件太大（超过 2 MB）')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容应为 Base64'),
})

export const contentChangeSchema = z.object({
  /** The resident screen this shows on (补贴, 衢城畅行, 消费券, 商户, 活动, 首页). */
  screen: z.string(),
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  change: z.enum(['added', 'changed', 'unchanged']),
  fields: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
})
export type ContentChange = z.infer<typeof contentChangeSchema>

export const policyImportResultSchema = z.object({
  ok: z.boolean(),
  applied: z.boolean(),
  problems: z.array(z.object({ file: z.string(), path: z.string(), line: z.number().optional(), column: z.number().optional(), reason: z.string() })),
  changes: z.array(contentChangeSchema),
  counts: z.record(z.string(), z.number()).nullable(),
})

export const importHistorySchema = z.object({
  id: z.string(),
  at: z.string(),
  source: z.string(),
  by: z.string().nullable(),
  files: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
})

export const policyOverviewSchema = z.object({
  version: z.looseObject({ version: z.string(), updatedAt: z.string() }).nullable(),
  overrides: z.array(z.object({ kind: z.string(), updatedAt: z.string(), note: z.string().nullable(), problem: z.string().nullable() })),
  ruleSets: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), from: z.string(), to: z.string().nullable() })),
  toll: z.object({ updatedAt: z.string().nullable(), stations: z.number().int(), problem: z.string().nullable() }),
})

// Residents -----------------------------------------------------------------------------------

/** What an operator needs to help a resident: no name, phone or openid (data minimisation). */
export const residentViewSchema = z.object({
  id: z.string(),
  role: z.string(),
  residentCounty: z.string().nullable(),
  createdAt: z.string(),
  activeSessions: z.number().int(),
  claims: z.array(
    z.object({
      voucherId: z.string(),
      batchId: z.string(),
      batchTitle: z.string(),
      roundId: z.string(),
      status: z.string(),
      claimedAt: z.string(),
      usedAt: z.string().nullable(),
      faceValueFen: z.number().int(),
    }),
  ),
})
export const revokeResultSchema = z.object({ revoked: z.number().int() })

// Exports for settlement (对账) -----------------------------------------------------------------

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const
export const settlementQuerySchema = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '开始日期格式应为 2026-12-06'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '结束日期格式应为 2026-12-06'),
  batchId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/).optional(),
  merchantId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/).optional(),
  format: z.enum(EXPORT_FORMATS).default('json'),
})

export const settlementRowSchema = z.object({
  day: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  county: z.string(),
  batchId: z.string(),
  batchTitle: z.string(),
  faceValueFen: z.number().int(),
  redemptions: z.number().int(),
  orderAmountFen: z.number().int(),
  discountFen: z.number().int(),
  /** Full refunds within validity: the voucher went back to the resident and its discount is not paid. */
  restoredRefunds: z.number().int(),
  restoredFen: z.number().int(),
  /** Refunds that kept the voucher used (partial, late, or a batch that never restores). */
  keptRefunds: z.number().int(),
  /** What the programme pays the merchant for this day and batch. */
  netFen: z.number().int(),
})
export type SettlementRow = z.infer<typeof settlementRowSchema>

export const settlementSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(settlementRowSchema),
  totals: settlementRowSchema.pick({
    redemptions: true,
    orderAmountFen: true,
    discountFen: true,
    restoredRefunds: true,
    restoredFen: true,
    keptRefunds: true,
    netFen: true,
  }),
})
export type Settlement = z.infer<typeof settlementSchema>

export const auditQuerySchema = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(60).optional(),
  targetId: z.string().max(100).optional(),
  format: z.enum(EXPORT_FORMATS).default('json'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export type StaffLoginBody = z.infer<typeof staffLoginBodySchema>
export type StaffSetupBody = z.infer<typeof staffSetupBodySchema>
export type StaffSession = z.infer<typeof staffSessionSchema>
export type StaffSetupInfo = z.infer<typeof staffSetupInfoSchema>
export type AdminMerchant = z.infer<typeof adminMerchantSchema>
export type PolicyImportResult = z.infer<typeof policyImportResultSchema>
export type ImportHistoryItem = z.infer<typeof importHistorySchema>
export type PolicyOverview = z.infer<typeof policyOverviewSchema>
export type ResidentView = z.infer<typeof residentViewSchema>
export type BatchCloseResult = z.infer<typeof batchCloseResultSchema>
