/**
 * `GET /search?q=&limit=` — events and merchants matching what a resident typed, by characters or
 * pinyin ("xf" finds 新蜂音乐节), ranked by the app's own src/domain/search. Anonymous like other
 * content; the per-IP rate limit applies. The app searches its bundled items (measures,
 * calculators, stations, clauses, pages) on the phone and appends these when online.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MATCH_REASONS } from '../../../src/domain/search/search'
import { errorResponses } from '../http/schemas'
import type { ContentSearch } from '../search/search-index'

export const SEARCH_QUERY_MAX_LENGTH = 30
export const SEARCH_LIMIT_MAX = 50

const hitSchema = z.object({
  kind: z.enum(['event', 'merchant']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  route: z.object({ key: z.string(), params: z.record(z.string(), z.string()).optional() }),
  reason: z.enum(MATCH_REASONS),
  upcoming: z.boolean().optional(),
})

export const searchRoutes: FastifyPluginAsyncZod<{ search: ContentSearch; now: () => Date }> = async (app, { search, now }) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['content'],
        summary: '搜索活动和商户（汉字或拼音、拼音首字母），未结束的活动在前',
        querystring: z.strictObject({
          q: z
            .string({ error: '请输入要搜索的内容（q）' })
            .trim()
            .min(1, '请输入要搜索的内容')
            .max(SEARCH_QUERY_MAX_LENGTH, `搜索内容最多 ${SEARCH_QUERY_MAX_LENGTH} 个字`),
          limit: z.coerce
            .number({ error: '条数（limit）应为数字' })
            .int('条数（limit）应为整数')
            .min(1, '条数（limit）至少为 1')
            .max(SEARCH_LIMIT_MAX, `条数（limit）最多 ${SEARCH_LIMIT_MAX}`)
            .default(10),
        }),
        response: {
          200: z.object({
            data: z.array(hitSchema),
            meta: z.object({ query: z.string(), limit: z.number().int(), total: z.object({ events: z.number().int(), merchants: z.number().int() }) }),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const { q, limit } = request.query
      const result = await search.search(q, limit, now())
      return { data: result.hits, meta: { query: q, limit, total: result.counts } }
    },
  )
}
