/**
 * What the 活动 tab needs beyond the list and detail (routes/content.ts), anonymous and cached
 * with ETags like other content:
 *  - `GET /events/:eventId/ics[?date=]` — 加入手机日历 on H5, where wx.addPhoneCalendar does not
 *    exist (WECHAT.md): the domain's eventToIcs as a download. DTSTAMP is the import time, so the
 *    file (and its ETag) only changes when the event does.
 *  - `GET /events/progress[?year=]` — 目标进度: the domain's targetProgress over the stored events.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { targetProgressRowSchema } from '../../../src/domain/contract/content'
import { eventToIcs, expandOccurrences, icsFileName, ICS_MIME_TYPE, targetProgress, type CityEvent } from '../../../src/domain/events'
import { dayNumberOf, shanghaiMidnightMs } from '../../../src/domain/time/shanghai'
import { isValidDate, todayInShanghai, toIsoShanghai } from '../../../src/domain/time'
import { ApiError } from '../http/errors'
import { contentIdParam, errorResponses } from '../http/schemas'
import { getEvent } from '../store/content'
import type { Db } from '../store/db'
import { eventsOverlapping } from '../store/events-in-range'

const MIN_YEAR = 2025
const MAX_YEAR = 2100


export const eventExtraRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.get(
    '/events/:eventId/ics',
    {
      config: { etag: true },
      schema: {
        tags: ['content'],
        summary: '活动的 .ics 日历文件（H5 加入手机日历）；date 指定周期活动的某一场',
        description: '返回 text/calendar，Content-Disposition 为附件，文件名只含 ASCII。',
        params: z.strictObject({ eventId: contentIdParam }),
        querystring: z.strictObject({
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-05-01').refine((text) => isValidDate(text), '没有这一天').optional(),
        }),
        response: { 200: z.string().describe('text/calendar 文件内容'), ...errorResponses(304, 404) },
      },
    },
    async (request, reply) => {
      const stored = await getEvent(db, request.params.eventId)
      if (!stored) throw new ApiError(404, 'NOT_FOUND', '找不到这个活动')
      const { updatedAt, ...event } = stored
      const date = request.query.date
      const occurrence = date === undefined ? undefined : expandOccurrences(event as CityEvent, date, date).find((item) => item.startDate === date)
      if (date !== undefined && !occurrence) throw new ApiError(404, 'NOT_FOUND', '这一天没有这场活动')
      const ics = eventToIcs(event as CityEvent, occurrence, { now: Date.parse(updatedAt) })
      return reply
        .type(ICS_MIME_TYPE)
        .header('content-disposition', `attachment; filename="${icsFileName(event as CityEvent, occurrence)}"`)
        .send(ics)
    },
  )

  app.get(
    '/events/progress',
    {
      config: { etag: true },
      schema: {
        tags: ['content'],
        summary: '目标进度：第十五条承诺的各类活动场次与本应用收录的活动对比（不是官方统计）',
        querystring: z.strictObject({
          year: z.coerce
            .number({ error: '年份应为数字，例如 2025' })
            .int('年份应为整数')
            .min(MIN_YEAR, `年份不能早于 ${MIN_YEAR}`)
            .max(MAX_YEAR, `年份不能晚于 ${MAX_YEAR}`)
            .optional(),
        }),
        response: {
          200: z.object({
            data: z.looseObject({ year: z.number().int(), published: z.boolean(), note: z.string(), rows: z.array(targetProgressRowSchema) }),
            meta: z.object({ eventsConsidered: z.number().int(), dataUpdatedAt: z.string().nullable() }),
          }),
          ...errorResponses(304),
        },
      },
    },
    async (request) => {
      const year = request.query.year ?? Number(todayInShanghai(now().getTime()).slice(0, 4))
      const from = new Date(shanghaiMidnightMs(dayNumberOf(`${year}-01-01`)))
      const to = new Date(shanghaiMidnightMs(dayNumberOf(`${year + 1}-01-01`)))
      const { events, lastImportedAt } = await eventsOverlapping(db, from, to)
      const progress = targetProgress(events, year)
      return {
        data: { ...progress, rows: progress.rows.map((row) => ({ ...row })) },
        meta: { eventsConsidered: events.length, dataUpdatedAt: lastImportedAt ? toIsoShanghai(lastImportedAt) : null },
      }
    },
  )
}
