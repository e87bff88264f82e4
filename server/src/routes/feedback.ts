/**
 * POST /feedback — 意见反馈 from the H5 app (the mini-program uses WeChat's feedback and 客服
 * buttons instead). Anonymous, validated (5–500 characters of text, an optional contact of at most
 * 50), limited per IP so a script cannot fill the table, and kept one year: each insert purges
 * what is older (隐私政策: 最长 1 年).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ApiError } from '../http/errors'
import { envelope, errorResponses, noQuery } from '../http/schemas'
import type { Db } from '../store/db'
import { FEEDBACK_KEPT_DAYS, insertFeedback, purgeOldFeedback } from '../store/feedback'

/** Per IP: a person writes a few notes, not dozens. */
export const FEEDBACK_PER_IP = { max: 5, timeWindowMs: 10 * 60_000 }

// Control characters other than line breaks and tabs are refused rather than stored.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const text = (min: number, max: number, tooShort: string, tooLong: string) =>
  z
    .string()
    .trim()
    .min(min, tooShort)
    .max(max, tooLong)
    .refine((value) => !CONTROL.test(value), '请不要输入特殊控制字符')

export const feedbackRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.post(
    '/feedback',
    {
      config: {
        rateLimit: {
          max: FEEDBACK_PER_IP.max,
          timeWindow: FEEDBACK_PER_IP.timeWindowMs,
          errorResponseBuilder: (_request: unknown, context: { ttl: number }) => {
            const seconds = Math.max(1, Math.ceil(context.ttl / 1000))
            return new ApiError(429, 'RATE_LIMITED', `反馈提交太频繁，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds)
          },
        },
      },
      schema: {
        querystring: noQuery,
        tags: ['feedback'],
        summary: '意见反馈（网页版）：内容 5–500 字，联系方式可不填；匿名，保存 1 年',
        body: z.strictObject({
          content: text(5, 500, '请至少写 5 个字，说说遇到的问题或建议', '内容最多 500 字'),
          contact: text(0, 50, '', '联系方式最多 50 个字').optional(),
          page: z.string().max(120).regex(/^[A-Za-z0-9/_?=&.-]*$/, '页面地址不正确').optional(),
        }),
        response: { 201: envelope(z.object({ id: z.string(), keptDays: z.number() })), ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const at = now()
      await purgeOldFeedback(db, at)
      const { content, contact, page } = request.body
      const id = await insertFeedback(db, { content, contact: contact ? contact : null, page: page ?? null, at })
      return reply.code(201).send({ data: { id, keptDays: FEEDBACK_KEPT_DAYS } })
    },
  )
}
