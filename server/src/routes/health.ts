import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ApiError } from '../http/errors'
import { envelope, errorResponses, noQuery } from '../http/schemas'
import type { Db } from '../store/db'

/**
 * /healthz: the process answers. /readyz: it can serve — fully configured (a production server
 * lacking a required secret is never put in rotation), the store answers and it is not stopping.
 */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Db; isShuttingDown: () => boolean; missingSettings: readonly string[] }> = async (
  app,
  { db, isShuttingDown, missingSettings },
) => {
  app.get(
    '/healthz',
    { config: { rateLimit: false }, schema: { querystring: noQuery, tags: ['health'], summary: '进程存活', response: { 200: envelope(z.object({ status: z.literal('ok') })) } } },
    async () => ({ data: { status: 'ok' as const } }),
  )
  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: { querystring: noQuery, tags: ['health'], summary: '可以接收请求', response: { 200: envelope(z.object({ status: z.literal('ready'), store: z.string() })), ...errorResponses(503) } },
    },
    async () => {
      if (isShuttingDown()) throw new ApiError(503, 'SHUTTING_DOWN', '服务正在停止，请稍后再试')
      if (missingSettings.length > 0) throw new ApiError(503, 'NOT_CONFIGURED', `服务器配置不完整，缺少：${missingSettings.join('、')}`)
      try {
        await db.ping()
      } catch {
        throw new ApiError(503, 'STORE_UNAVAILABLE', '数据存储暂时不可用，请稍后再试')
      }
      return { data: { status: 'ready' as const, store: db.engine } }
    },
  )
}
