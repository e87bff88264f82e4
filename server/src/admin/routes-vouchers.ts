/**
 * The console's voucher work: the 今日 dashboard, batches (draft → validate → publish, safe edits,
 * the per-round pause switch, early closure), settlement exports, and residents' claims.
 */
import type { preHandlerAsyncHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { editBatchProblems } from '../../../src/domain/admin/batch-edit'
import {
  adminBatchSchema,
  batchCloseResultSchema,
  batchDraftBodySchema,
  batchValidationSchema,
  dashboardSchema,
  residentViewSchema,
  revokeResultSchema,
  roundPauseBodySchema,
  settlementQuerySchema,
  settlementSchema,
  type AdminBatch,
} from '../../../src/domain/admin/schemas'
import { fenToYuanText, SETTLEMENT_COLUMNS, settlementCsv, summariseSettlement } from '../../../src/domain/admin/settlement'
import { countyName } from '../../../src/domain/events/places'
import { daysBetween, shanghaiDayBounds, toIsoShanghai, todayInShanghai } from '../../../src/domain/time'
import { parseIsoInstant, toIsoShanghaiMs } from '../../../src/domain/time/shanghai'
import { roundView } from '../../../src/domain/vouchers/rounds'
import { parseVoucherBatch, type VoucherBatch } from '../../../src/domain/vouchers/schema'
import { callerOf } from '../auth/guard'
import { validateFiles } from '../content/import'
import { inMemoryFile } from '../content/source-files'
import { ApiError } from '../http/errors'
import { contentIdParam, emptyBody, envelope, errorResponses, uuidParam, signedInRoute } from '../http/schemas'
import { getBatch, upsertBatch } from '../store/content'
import type { Db, Queryable } from '../store/db'
import { listOwnVouchers } from '../store/vouchers'
import { RedisClaimEngine } from '../vouchers/redis-engine'
import type { VoucherService } from '../vouchers/service'
import { actorOf, writeAudit } from './audit'
import type { StaffGuards } from './guard'
import {
  batchRedeemedSummary,
  claimCount,
  claimsSince,
  getClosure,
  getDraft,
  listDrafts,
  markDraftPublished,
  recordClosure,
  redemptionRecords,
  redemptionsByCounty,
  reminderCounts,
  residentFacts,
  revokeAllSessions,
  saveDraft,
  setRoundPaused,
} from './store'
import { xlsxBuffer } from './xlsx'

export interface VoucherAdminRouteOptions {
  db: Db
  now: () => Date
  vouchers: VoucherService
  guards: StaffGuards
  userRateLimit: preHandlerAsyncHookHandler
}

const batchIdParams = z.strictObject({ batchId: contentIdParam })
const MAX_EXPORT_DAYS = 366

function withoutUpdatedAt(batch: VoucherBatch & { updatedAt?: string }): VoucherBatch {
  const { updatedAt: _updatedAt, ...doc } = batch
  return doc
}

/** Problems of a batch document: its own rules (the batch schema), then references to merchants and events in the store. */
async function batchProblems(q: Queryable, input: unknown): Promise<{ batch: VoucherBatch | null; problems: { path: string; reason: string }[] }> {
  const parsed = parseVoucherBatch(input, 'batch')
  if (!parsed.ok) return { batch: null, problems: parsed.errors.map(({ path, reason }) => ({ path, reason })) }
  const { problems } = await validateFiles(q, [inMemoryFile('batch', { batches: [parsed.value] })])
  return {
    batch: parsed.value,
    problems: problems.map((problem) => ({ path: problem.path.map(String).join('.').replace(/^batches\.0\.?/, ''), reason: problem.reason })),
  }
}

export const voucherAdminRoutes: FastifyPluginAsyncZod<VoucherAdminRouteOptions> = async (app, options) => {
  const { db, now, vouchers, guards } = options
  const bearer = [{ bearer: [] }]
  const read = { preHandler: [guards.read, options.userRateLimit] }
  const write = { preHandler: [guards.write, options.userRateLimit] }

  async function present(batch: VoucherBatch & { updatedAt: string }, redeemed: Map<string, { count: number; netFen: number }>): Promise<AdminBatch> {
    const at = now().getTime()
    const live = await vouchers.freshStock(batch)
    const controls = vouchers.controls.of(batch.id)
    const closure = await getClosure(db, batch.id)
    const rounds = batch.rounds.map((round, index) => {
      const claimed = live.claimedByRound[round.id] ?? 0
      const remaining = live.remainingByRound[round.id] ?? round.quota
      return {
        id: round.id,
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        phase: roundView(round, index, at, remaining).phase,
        total: claimed + remaining,
        claimed,
        remaining,
        paused: controls.pausedRounds.has(round.id),
      }
    })
    const firstOpen = parseIsoInstant(batch.rounds[0].opensAt)
    const lastClose = parseIsoInstant(batch.rounds[batch.rounds.length - 1].closesAt)
    const claimed = rounds.reduce((sum, round) => sum + round.claimed, 0)
    return {
      batch: withoutUpdatedAt(batch),
      status: closure ? 'closed' : at < firstOpen ? 'scheduled' : at < lastClose ? 'open' : 'ended',
      claimingStarted: at >= firstOpen || claimed > 0,
      rounds,
      redeemed: redeemed.get(batch.id) ?? { count: 0, netFen: 0 },
      closedAt: closure ? toIsoShanghai(closure.closed_at) : null,
      updatedAt: batch.updatedAt,
    }
  }

  function presentDraft(doc: VoucherBatch, updatedAt: Date): AdminBatch {
    return {
      batch: doc,
      status: 'draft',
      claimingStarted: false,
      rounds: doc.rounds.map((round) => ({ id: round.id, opensAt: round.opensAt, closesAt: round.closesAt, phase: 'upcoming' as const, total: round.quota, claimed: 0, remaining: round.quota, paused: false })),
      redeemed: { count: 0, netFen: 0 },
      closedAt: null,
      updatedAt: toIsoShanghai(updatedAt),
    }
  }

  async function publishedBatch(batchId: string) {
    const batch = vouchers.batches.get(batchId) ?? (await vouchers.batches.load(batchId))
    if (!batch) throw new ApiError(404, 'NOT_FOUND', '找不到这个已发布的批次')
    return batch
  }

  app.get(
    '/admin/dashboard',
    { ...read, schema: signedInRoute('admin', '今日：开抢和进行中的轮次、每秒领取、拒绝原因、Redis 闸门、各区县核销、提醒', { response: { 200: envelope(dashboardSchema), ...errorResponses(401, 403) } }) },
    async () => {
      const at = now().getTime()
      const today = todayInShanghai(at)
      const { startMs, endMs } = shanghaiDayBounds(at)
      await vouchers.batches.refresh()
      const rounds: z.infer<typeof dashboardSchema>['rounds'] = []
      const provisional: z.infer<typeof dashboardSchema>['provisional'] = []
      for (const batch of vouchers.batches.all()) {
        const opensToday = batch.rounds.some((round) => {
          const opens = parseIsoInstant(round.opensAt)
          const closes = parseIsoInstant(round.closesAt)
          return (opens >= startMs && opens < endMs) || (opens <= at && at < closes)
        })
        if (!opensToday) continue
        const live = await vouchers.freshStock(batch)
        const controls = vouchers.controls.of(batch.id)
        batch.rounds.forEach((round, index) => {
          const opens = parseIsoInstant(round.opensAt)
          const closes = parseIsoInstant(round.closesAt)
          if (!((opens >= startMs && opens < endMs) || (opens <= at && at < closes))) return
          const claimed = live.claimedByRound[round.id] ?? 0
          const remaining = live.remainingByRound[round.id] ?? round.quota
          rounds.push({
            batchId: batch.id,
            batchTitle: batch.title,
            roundId: round.id,
            opensAt: round.opensAt,
            closesAt: round.closesAt,
            phase: roundView(round, index, at, remaining).phase,
            total: claimed + remaining,
            claimed,
            remaining,
            paused: controls.pausedRounds.has(round.id) || controls.closedAtMs !== null,
            provisional: batch.provenance.status !== 'confirmed',
          })
        })
        if (batch.provenance.status !== 'confirmed') provisional.push({ area: '消费券', what: `${batch.title}：发放规则待官方确认（${batch.provenance.source}）` })
      }
      const [lastMinute, claimsToday, counties, reminders] = await Promise.all([
        claimsSince(db, new Date(at - 60_000)),
        claimsSince(db, new Date(startMs)),
        redemptionsByCounty(db, today),
        reminderCounts(db, new Date(startMs)),
      ])
      const gate = await gateHealth()
      const [{ events }] = await db.query<{ events: number }>(
        `select count(*)::int as events from events where ends_at > $1 and doc->'provenance'->>'status' <> 'confirmed'`,
        [new Date(at)],
      )
      if (events > 0) provisional.push({ area: '活动', what: `${events} 项活动的信息待官方确认` })
      const overrides = await db.query<{ kind: string }>('select kind from policy_overrides')
      if (overrides.length === 0) provisional.push({ area: '补贴', what: '以旧换新补贴按应用内置数据显示，尚无运营更正' })
      return {
        data: {
          serverTime: toIsoShanghaiMs(at),
          rounds,
          claims: { perSecond: Math.round((lastMinute / 60) * 100) / 100, lastMinute, today: claimsToday },
          refusals: vouchers.refusals.today(at),
          gate,
          redemptionsToday: counties.map((row) => ({ ...row, countyName: countyName(row.county as never) })),
          reminders,
          provisional,
        },
      }
    },
  )

  async function gateHealth(): Promise<z.infer<typeof dashboardSchema>['gate']> {
    const engine = vouchers.engine
    const started = performance.now()
    try {
      if (engine instanceof RedisClaimEngine) await engine.redis.ping()
      else await db.ping()
      const latencyMs = Math.round((performance.now() - started) * 10) / 10
      return { engine: engine.kind, healthy: true, latencyMs, message: engine.kind === 'redis' ? `Redis 闸门正常（${latencyMs} ms）` : `未启用 Redis，领取由数据库直接处理（${latencyMs} ms）` }
    } catch (error) {
      return { engine: engine.kind, healthy: false, latencyMs: null, message: `${engine.kind === 'redis' ? 'Redis 闸门' : '数据库'}无响应：${error instanceof Error ? error.message : String(error)}` }
    }
  }

  app.get(
    '/admin/batches',
    { ...read, schema: signedInRoute('admin', '消费券批次（含草稿）：状态、各轮名额、已领、已核销', { response: { 200: envelope(z.array(adminBatchSchema)), ...errorResponses(401, 403) } }) },
    async () => {
      await vouchers.batches.refresh()
      const redeemed = await batchRedeemedSummary(db)
      const published = await Promise.all(vouchers.batches.all().map((batch) => present(batch, redeemed)))
      const drafts = (await listDrafts(db)).filter((draft) => !vouchers.batches.get(draft.id)).map((draft) => presentDraft(draft.doc, draft.updated_at))
      published.sort((a, b) => b.batch.rounds[0].opensAt.localeCompare(a.batch.rounds[0].opensAt))
      return { data: [...drafts, ...published] }
    },
  )

  app.get(
    '/admin/batches/:batchId',
    { ...read, schema: signedInRoute('admin', '一个批次（已发布或草稿）', { params: batchIdParams, response: { 200: envelope(adminBatchSchema), ...errorResponses(401, 403, 404) } }) },
    async (request) => {
      const batch = vouchers.batches.get(request.params.batchId) ?? (await vouchers.batches.load(request.params.batchId))
      if (batch) return { data: await present(batch, await batchRedeemedSummary(db)) }
      const draft = await getDraft(db, request.params.batchId)
      if (!draft) throw new ApiError(404, 'NOT_FOUND', '找不到这个批次')
      return { data: presentDraft(draft.doc, draft.updated_at) }
    },
  )

  app.post(
    '/admin/batches/validate',
    {
      ...read,
      schema: signedInRoute('admin', '校验批次：批次规则的每一处问题，以及商户、活动是否存在（不保存）', {
        body: z.unknown(),
        response: { 200: envelope(batchValidationSchema), ...errorResponses(401, 403) },
      }),
    },
    async (request) => {
      const { problems } = await batchProblems(db, request.body)
      return { data: { ok: problems.length === 0, problems } }
    },
  )

  app.put(
    '/admin/batches/:batchId/draft',
    {
      ...write,
      schema: signedInRoute('admin', '保存批次草稿（居民看不到）', {
        params: batchIdParams,
        body: batchDraftBodySchema,
        response: { 200: envelope(adminBatchSchema), ...errorResponses(401, 403, 409, 422) },
      }),
    },
    async (request) => {
      const batch = request.body
      if (batch.id !== request.params.batchId) throw new ApiError(422, 'ID_MISMATCH', '批次编号与地址中的编号不一致')
      if (await getBatch(db, batch.id)) throw new ApiError(409, 'ALREADY_PUBLISHED', '这个编号的批次已发布，请在批次详情里修改')
      const at = now()
      const before = await getDraft(db, batch.id)
      await db.transaction(async (tx) => {
        await saveDraft(tx, batch, callerOf(request).user.id, at)
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'batch.draft.save', targetType: 'batch', targetId: batch.id, summary: `保存批次草稿「${batch.title}」`, before: before?.doc ?? null, after: batch }, at, request.id)
      })
      return { data: presentDraft(batch, at) }
    },
  )

  app.post(
    '/admin/batches/:batchId/publish',
    {
      ...write,
      schema: signedInRoute('admin', '发布草稿：居民立即能看到这个批次，到点开抢', {
        params: batchIdParams,
        body: emptyBody,
        response: { 200: envelope(adminBatchSchema), ...errorResponses(401, 403, 404, 409, 422) },
      }),
    },
    async (request) => {
      const draft = await getDraft(db, request.params.batchId)
      if (!draft || draft.published_at) throw new ApiError(404, 'NOT_FOUND', '找不到这个草稿（可能已发布）')
      if (await getBatch(db, draft.id)) throw new ApiError(409, 'ALREADY_PUBLISHED', '这个编号的批次已发布')
      const at = now()
      await db.transaction(async (tx) => {
        const { batch, problems } = await batchProblems(tx, draft.doc)
        if (!batch || problems.length > 0) throw new ApiError(422, 'BATCH_INVALID', `草稿还有问题，未发布：${problems.map((problem) => `${problem.path} ${problem.reason}`).join('；')}`)
        await upsertBatch(tx, batch)
        await markDraftPublished(tx, batch.id, at)
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'batch.publish', targetType: 'batch', targetId: batch.id, summary: `发布批次「${batch.title}」，第 1 轮 ${batch.rounds[0].opensAt} 开抢`, after: batch }, at, request.id)
      })
      await vouchers.tick()
      return { data: await present(await publishedBatch(draft.id), await batchRedeemedSummary(db)) }
    },
  )

  app.put(
    '/admin/batches/:batchId',
    {
      ...write,
      schema: signedInRoute('admin', '修改已发布批次：开始领取后只能改文字、加预算、加名额和未开抢的轮次', {
        params: batchIdParams,
        body: batchDraftBodySchema,
        response: { 200: envelope(adminBatchSchema), ...errorResponses(401, 403, 404, 409, 422) },
      }),
    },
    async (request) => {
      const before = await publishedBatch(request.params.batchId)
      const at = now()
      const claimingStarted = at.getTime() >= parseIsoInstant(before.rounds[0].opensAt) || (await claimCount(db, before.id)) > 0
      const previous = withoutUpdatedAt(before)
      const refused = editBatchProblems(previous, request.body, claimingStarted, at.getTime())
      if (refused.length > 0) throw new ApiError(409, 'EDIT_NOT_ALLOWED', refused.map((problem) => problem.reason).join('；'))
      await db.transaction(async (tx) => {
        const { batch, problems } = await batchProblems(tx, request.body)
        if (!batch || problems.length > 0) throw new ApiError(422, 'BATCH_INVALID', problems.map((problem) => `${problem.path} ${problem.reason}`).join('；'))
        await upsertBatch(tx, batch)
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'batch.edit', targetType: 'batch', targetId: batch.id, summary: `修改已发布批次「${batch.title}」`, before: previous, after: batch }, at, request.id)
      })
      await vouchers.tick()
      return { data: await present(await publishedBatch(before.id), await batchRedeemedSummary(db)) }
    },
  )

  app.post(
    '/admin/batches/:batchId/rounds/:roundId/pause',
    {
      ...write,
      schema: signedInRoute('admin', '暂停或恢复一轮领取（急停开关）：暂停后 1 秒内所有服务器拒绝新的领取，已领的券不受影响', {
        params: z.strictObject({ batchId: contentIdParam, roundId: contentIdParam }),
        body: roundPauseBodySchema,
        response: { 200: envelope(adminBatchSchema), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const batch = await publishedBatch(request.params.batchId)
      const index = batch.rounds.findIndex((round) => round.id === request.params.roundId)
      if (index < 0) throw new ApiError(404, 'NOT_FOUND', '这个批次没有这一轮')
      const { paused } = request.body
      const at = now()
      const caller = callerOf(request)
      await db.transaction(async (tx) => {
        const wasPaused = vouchers.controls.of(batch.id).pausedRounds.has(request.params.roundId)
        await setRoundPaused(tx, batch.id, request.params.roundId, paused, caller.user.id, at)
        await writeAudit(
          tx,
          actorOf(caller),
          {
            action: paused ? 'batch.round.pause' : 'batch.round.resume',
            targetType: 'round',
            targetId: `${batch.id}:${request.params.roundId}`,
            summary: `${paused ? '暂停' : '恢复'}「${batch.title}」第 ${index + 1} 轮领取`,
            before: { paused: wasPaused },
            after: { paused },
          },
          at,
          request.id,
        )
      })
      // This process applies it now; every other process reads it within CONTROL_REFRESH_MS.
      vouchers.controls.setPaused(batch.id, request.params.roundId, paused)
      request.log.warn({ batchId: batch.id, roundId: request.params.roundId, paused, by: caller.user.id }, 'round pause switched')
      return { data: await present(batch, await batchRedeemedSummary(db)) }
    },
  )

  app.post(
    '/admin/batches/:batchId/close',
    {
      ...write,
      schema: signedInRoute('admin', '提前结束批次：不再接受领取；未领名额按批次规则（quotaReturn.unclaimed）退回资金池或作废，已领的券照常可用', {
        params: batchIdParams,
        body: emptyBody,
        response: { 200: envelope(batchCloseResultSchema), ...errorResponses(401, 403, 404, 409) },
      }),
    },
    async (request) => {
      const batch = await publishedBatch(request.params.batchId)
      const at = now()
      const live = await vouchers.liveStock(batch)
      const unclaimed = batch.rounds.map((round) => ({ roundId: round.id, unclaimed: live.remainingByRound[round.id] ?? round.quota }))
      // Rounds not stocked yet count their own quota; a carried-over remainder is already in the next round's figure.
      const units = batch.quotaReturn.unclaimed ? Math.max(...unclaimed.map((round) => round.unclaimed), 0) : unclaimed.reduce((sum, round) => sum + round.unclaimed, 0)
      const returned = batch.quotaReturn.unclaimed
      const result = { closedAt: toIsoShanghai(at), unclaimed, returnedFen: returned ? units * batch.faceValueFen : 0, returned }
      await db.transaction(async (tx) => {
        if (!(await recordClosure(tx, batch.id, at, callerOf(request).user.id, result))) throw new ApiError(409, 'ALREADY_CLOSED', '这个批次已经结束了')
        await writeAudit(
          tx,
          actorOf(callerOf(request)),
          {
            action: 'batch.close',
            targetType: 'batch',
            targetId: batch.id,
            summary: `提前结束批次「${batch.title}」，未领 ${units} 张${returned ? `，¥${fenToYuanText(result.returnedFen)} 退回资金池` : '作废'}`,
            after: result,
          },
          at,
          request.id,
        )
      })
      vouchers.controls.setClosed(batch.id, at.getTime())
      return { data: result }
    },
  )

  app.get(
    '/admin/exports/redemptions',
    {
      ...read,
      schema: {
        tags: ['admin'],
        summary: '对账：按商户、日期、批次汇总核销（抵扣、全额退款退回、应结算）；format=csv/xlsx 下载',
        security: bearer,
        querystring: settlementQuerySchema,
        response: { 200: envelope(settlementSchema), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const query = request.query
      if (query.to < query.from) throw new ApiError(400, 'VALIDATION_FAILED', '结束日期不能早于开始日期', undefined)
      if (daysBetween(query.from, query.to) >= MAX_EXPORT_DAYS) throw new ApiError(400, 'VALIDATION_FAILED', `一次最多导出 ${MAX_EXPORT_DAYS} 天`)
      const settlement = summariseSettlement(query.from, query.to, await redemptionRecords(db, query))
      if (query.format === 'json') return { data: settlement }
      await writeAudit(
        db,
        actorOf(callerOf(request)),
        { action: 'export.redemptions', targetType: 'settlement', targetId: null, summary: `导出 ${query.from} 至 ${query.to} 对账数据（${query.format.toUpperCase()}，${settlement.rows.length} 行，应结算 ¥${fenToYuanText(settlement.totals.netFen)}）`, after: { filter: query, totals: settlement.totals } },
        now(),
        request.id,
      )
      const name = `redemptions-${query.from}-${query.to}`
      if (query.format === 'csv') {
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(settlementCsv(settlement) as never)
      }
      const rows = settlement.rows.map((row) => SETTLEMENT_COLUMNS.map((column) => (column.money ? { yuan: column.value(row) as number } : column.value(row))))
      const t = settlement.totals
      rows.push(['合计', '', '', '', '', '', '', t.redemptions, { yuan: t.orderAmountFen }, { yuan: t.discountFen }, t.restoredRefunds, { yuan: t.restoredFen }, t.keptRefunds, { yuan: t.netFen }])
      const buffer = await xlsxBuffer('核销对账', SETTLEMENT_COLUMNS.map((column) => column.title), rows)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buffer as never)
    },
  )

  app.get(
    '/admin/residents/:userId',
    {
      ...read,
      schema: signedInRoute('admin', '按编号查居民：所在区县、登录数、领券和用券记录（不含姓名、手机号、openid）', {
        params: z.strictObject({ userId: uuidParam }),
        response: { 200: envelope(residentViewSchema), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const at = now()
      const facts = await residentFacts(db, request.params.userId, at)
      if (!facts || facts.staff_account) throw new ApiError(404, 'NOT_FOUND', '找不到这个居民')
      const claims = await Promise.all(
        (await listOwnVouchers(db, facts.id)).map(async (voucher) => {
          const batch = vouchers.batches.get(voucher.batchId) ?? (await vouchers.batches.load(voucher.batchId))
          return {
            voucherId: voucher.id,
            batchId: voucher.batchId,
            batchTitle: batch?.title ?? voucher.batchId,
            roundId: voucher.roundId,
            status: voucher.status,
            claimedAt: voucher.claimedAt,
            usedAt: voucher.usedAt,
            faceValueFen: batch?.faceValueFen ?? 0,
          }
        }),
      )
      return { data: { id: facts.id, role: facts.role, residentCounty: facts.resident_county, createdAt: toIsoShanghai(facts.created_at), activeSessions: facts.sessions, claims } }
    },
  )

  app.post(
    '/admin/residents/:userId/revoke-sessions',
    {
      ...write,
      schema: signedInRoute('admin', '注销居民的所有登录（例如手机丢失）：需要重新登录', {
        params: z.strictObject({ userId: uuidParam }),
        body: emptyBody,
        response: { 200: envelope(revokeResultSchema), ...errorResponses(401, 403, 404) },
      }),
    },
    async (request) => {
      const at = now()
      const facts = await residentFacts(db, request.params.userId, at)
      if (!facts || facts.staff_account) throw new ApiError(404, 'NOT_FOUND', '找不到这个居民')
      const revoked = await db.transaction(async (tx) => {
        const count = await revokeAllSessions(tx, facts.id, at)
        await writeAudit(tx, actorOf(callerOf(request)), { action: 'resident.revoke-sessions', targetType: 'user', targetId: facts.id, summary: `注销居民 ${facts.id} 的 ${count} 个登录`, before: { activeSessions: facts.sessions }, after: { activeSessions: 0 } }, at, request.id)
        return count
      })
      return { data: { revoked } }
    },
  )
}
