/**
 * Content anyone may read — no login — with ETags: a client sending If-None-Match with the last
 * ETag gets 304 and no body, so the app refreshes its offline copy cheaply. Lists filter on the
 * indexed columns; items are the imported documents plus `updatedAt`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { eventDocSchema, merchantDocSchema, tollMetaSchema, tollStationViewSchema } from '../../../src/domain/contract/content'
import { EVENT_TYPES } from '../../../src/domain/events/event-basics'
import { COUNTY_CODES } from '../../../src/domain/events/places'
import { dayNumberOf, shanghaiMidnightMs } from '../../../src/domain/time/shanghai'
import { SUBSIDY_MEASURES } from '../../../src/domain/policy/subsidy-vocabulary'
import { HIGHWAYS } from '../../../src/domain/policy/toll-stations'
import { buildSubsidyOverview } from '../../../src/domain/subsidy/subsidy-overview-build'
import { MERCHANT_CATEGORY_CODES } from '../../../src/domain/vouchers/places'
import { addDays, isValidDate, todayInShanghai } from '../../../src/domain/time'
import { ApiError } from '../http/errors'
import { booleanQuery, contentIdParam, envelope, errorResponses, noQuery, pagedEnvelope, pageQuery } from '../http/schemas'
import {
  getEvent,
  getMerchant,
  getPolicy,
  getSubsidyRuleSets,
  getTollData,
  listEvents,
  listMerchants,
} from '../store/content'
import type { Db } from '../store/db'

/** Listing windows wider than this are refused: a calendar asks for a month or so at a time. */
const MAX_EVENT_RANGE_DAYS = 400

const dateQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-05-01')
  .refine((text) => isValidDate(text), '没有这一天')

const figureStatus = z.enum(['confirmed', 'provisional', 'unknown'])

/**
 * The 补贴 tab's overview (src/domain/subsidy/subsidy-overview.ts) of the rule sets in force, built
 * here so the tab — in the mini-program's main package — never carries the rule data or the quote
 * engine. `updatedAt` is when the operator's subsidy override it reflects was imported (null: bundled).
 */
const subsidyOverviewSchema = z.object({
  updatedAt: z.string().nullable(),
  note: z.string().nullable(),
  ruleSets: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: figureStatus,
      from: z.string(),
      to: z.string().nullable(),
      measures: z.array(
        z.object({
          measure: z.enum(SUBSIDY_MEASURES),
          headline: z.string(),
          details: z.array(z.string()),
          status: figureStatus,
          from: z.string(),
          to: z.string().nullable(),
          periodStatus: figureStatus,
        }),
      ),
      unpublished: z.array(z.object({ measure: z.enum(SUBSIDY_MEASURES), text: z.string(), source: z.string() })).optional(),
    }),
  ),
})

const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `找不到这个${what}`)

export const contentRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const cached = { etag: true }

  app.get(
    '/policy',
    {
      config: cached,
      schema: { querystring: noQuery,
        tags: ['content'],
        summary: '政策数据版本、运营方覆盖项，以及按生效规则集生成的以旧换新概览（补贴页用）',
        response: {
          200: envelope(
            z.object({
              version: z.looseObject({ version: z.string(), updatedAt: z.string() }).nullable(),
              overrides: z.array(z.object({ kind: z.enum(['subsidy', 'toll']), document: z.unknown(), updatedAt: z.string() })),
              subsidyOverview: subsidyOverviewSchema,
            }),
          ),
          ...errorResponses(304),
        },
      },
    },
    async (request) => {
      const subsidy = await getSubsidyRuleSets(db)
      if (subsidy.overrideProblem) request.log.error({ problem: subsidy.overrideProblem }, 'stored subsidy override no longer applies; serving the bundled overview')
      return {
        data: {
          ...(await getPolicy(db)),
          subsidyOverview: { updatedAt: subsidy.updatedAt, note: subsidy.note, ruleSets: buildSubsidyOverview(subsidy.ruleSets) },
        },
      }
    },
  )

  app.get(
    '/events',
    {
      config: cached,
      schema: {
        tags: ['content'],
        summary: '活动：与 [from, to] 日期范围有重叠的活动（默认今天起 60 天）',
        querystring: z.strictObject({
          from: dateQuery.optional(),
          to: dateQuery.optional(),
          type: z.enum(EVENT_TYPES).optional(),
          county: z.enum(COUNTY_CODES).optional(),
          admission: z.enum(['free', 'ticketed', 'unknown']).optional(),
          ...pageQuery,
        }),
        response: { 200: pagedEnvelope(eventDocSchema), ...errorResponses(304) },
      },
    },
    async (request) => {
      const { page, pageSize, ...query } = request.query
      const from = query.from ?? todayInShanghai(now().getTime())
      const to = query.to ?? addDays(from, 60)
      if (to < from) throw new ApiError(400, 'BAD_RANGE', '结束日期不能早于开始日期')
      if (dayNumberOf(to) - dayNumberOf(from) > MAX_EVENT_RANGE_DAYS) throw new ApiError(400, 'BAD_RANGE', `一次最多查询 ${MAX_EVENT_RANGE_DAYS} 天`)
      const result = await listEvents(db, {
        from: new Date(shanghaiMidnightMs(dayNumberOf(from))),
        to: new Date(shanghaiMidnightMs(dayNumberOf(to) + 1)),
        type: query.type,
        county: query.county,
        admission: query.admission,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      })
      return { data: result.items, meta: { total: result.total, page, pageSize } }
    },
  )

  app.get(
    '/events/:eventId',
    {
      config: cached,
      schema: { querystring: noQuery, tags: ['content'], summary: '活动详情', params: z.strictObject({ eventId: contentIdParam }), response: { 200: envelope(eventDocSchema), ...errorResponses(304, 404) } },
    },
    async (request) => {
      const event = await getEvent(db, request.params.eventId)
      if (!event) throw notFound('活动')
      return { data: event }
    },
  )

  app.get(
    '/merchants',
    {
      config: cached,
      schema: {
        tags: ['content'],
        summary: '商户，可按区县、类别、名称筛选',
        querystring: z.strictObject({
          county: z.enum(COUNTY_CODES).optional(),
          category: z.enum(MERCHANT_CATEGORY_CODES).optional(),
          q: z.string().trim().min(1).max(30).optional(),
          ...pageQuery,
        }),
        response: { 200: pagedEnvelope(merchantDocSchema), ...errorResponses(304) },
      },
    },
    async (request) => {
      const { page, pageSize, q, county, category } = request.query
      const result = await listMerchants(db, { county, category, query: q, limit: pageSize, offset: (page - 1) * pageSize })
      return { data: result.items, meta: { total: result.total, page, pageSize } }
    },
  )

  app.get(
    '/merchants/:merchantId',
    {
      config: cached,
      schema: { querystring: noQuery, tags: ['content'], summary: '商户详情', params: z.strictObject({ merchantId: contentIdParam }), response: { 200: envelope(merchantDocSchema), ...errorResponses(304, 404) } },
    },
    async (request) => {
      const merchant = await getMerchant(db, request.params.merchantId)
      if (!merchant) throw notFound('商户')
      return { data: merchant }
    },
  )

  const stationSchema = tollStationViewSchema

  app.get(
    '/toll',
    {
      config: cached,
      schema: { querystring: noQuery,
        tags: ['content'],
        summary: '“衢城畅行”数据：资格条件、期限、站点与费率（内置数据叠加运营方覆盖）',
        response: { 200: z.object({ data: z.looseObject({ version: z.string(), stations: z.array(stationSchema) }), meta: tollMetaSchema }), ...errorResponses(304) },
      },
    },
    async (request) => {
      const toll = await getTollData(db)
      if (toll.overrideProblem) request.log.error({ problem: toll.overrideProblem }, 'stored toll override no longer applies; serving bundled data')
      return { data: toll.data as unknown as z.infer<typeof stationSchema> & { version: string; stations: z.infer<typeof stationSchema>[] }, meta: { version: toll.data.version, updatedAt: toll.updatedAt } }
    },
  )

  app.get(
    '/stations',
    {
      config: cached,
      schema: {
        tags: ['content'],
        summary: '“衢城畅行”收费站，可按高速、是否纳入筛选',
        querystring: z.strictObject({
          highway: z.enum(Object.keys(HIGHWAYS) as [keyof typeof HIGHWAYS]).optional(),
          inScheme: booleanQuery.optional(),
        }),
        response: { 200: z.object({ data: z.array(stationSchema), meta: tollMetaSchema }), ...errorResponses(304) },
      },
    },
    async (request) => {
      const { highway, inScheme } = request.query
      const toll = await getTollData(db)
      const stations = toll.data.stations.filter(
        (station) => (highway === undefined || station.highway.code === highway) && (inScheme === undefined || station.inScheme === inScheme),
      )
      return { data: stations.map((station) => ({ ...station })), meta: { version: toll.data.version, updatedAt: toll.updatedAt } }
    },
  )

  app.get(
    '/stations/:stationId',
    {
      config: cached,
      schema: { querystring: noQuery, tags: ['content'], summary: '收费站详情', params: z.strictObject({ stationId: contentIdParam }), response: { 200: envelope(stationSchema), ...errorResponses(304, 404) } },
    },
    async (request) => {
      const station = (await getTollData(db)).data.stations.find((item) => item.id === request.params.stationId)
      if (!station) throw notFound('收费站')
      return { data: { ...station } }
    },
  )
}
