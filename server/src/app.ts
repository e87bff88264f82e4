/**
 * Builds the Fastify app: strict zod validation on every route, one response envelope, OpenAPI at
 * /docs, request ids in every log line, per-IP and per-user rate limits, ETags on content, and
 * the H5 build served from the same origin. `buildApp` takes its store and clock, so tests run
 * it in-process against an in-memory PGlite and a fake WeChat.
 */
import { randomUUID, createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { Redis } from 'ioredis'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { missingProductionSettings, type Config } from './config'
import { makeStaffGuards } from './admin/guard'
import { contentAdminRoutes } from './admin/routes-content'
import { staffAdminRoutes } from './admin/routes-staff'
import { voucherAdminRoutes } from './admin/routes-vouchers'
import { makeGuards } from './auth/guard'
import { AuthChanges } from './auth/auth-changes'
import { sessionKeyCipherFor } from './auth/session-key-cipher'
import { sessionSignerFor } from './auth/signed-session'
import { ApiError, clientErrorHandler, errorHandler, notFoundHandler } from './http/errors'
import { setSecurityHeaders } from './http/security-headers'
import { refuseUnsafeText } from './http/text-input'
import { createUserRateLimit, rateLimited } from './http/user-rate-limit'
import { feedbackRoutes } from './routes/feedback'
import { createReminders, reminderConfigFromEnv, type ReminderRuntime } from './reminders'
import { placeholderTemplateProblem, type ReminderConfig } from './reminders/config'
import { accountRoutes } from './routes/accounts'
import { contentRoutes } from './routes/content'
import { eventExtraRoutes } from './routes/event-extras'
import { reminderRoutes } from './routes/reminders'
import { searchRoutes } from './routes/search'
import { healthRoutes } from './routes/health'
import { privacyRoutes } from './routes/privacy'
import { RetentionJob } from './privacy/retention-job'
import { staffRoutes } from './routes/staff'
import { voucherRoutes } from './routes/vouchers'
import { createContentSearch } from './search/search-index'
import type { Db } from './store/db'
import { VoucherService, type VoucherServiceOptions } from './vouchers/service'
import { SessionCache } from './vouchers/session-cache'
import { WechatClient } from './wechat/client'

// Messages zod writes itself ("期望 string") in Chinese, like ours.
z.config(z.locales.zhCN())

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answer If-None-Match with 304 when the body's hash matches. */
    etag?: boolean
  }
}

export interface AppDeps {
  config: Config
  db: Db
  wechat?: WechatClient
  now?: () => Date
  logger?: FastifyServerOptions['logger'] | false
  /** Voucher engine options for tests and benchmarks (timers, engine tuning). */
  vouchers?: Partial<Omit<VoucherServiceOptions, 'db' | 'now' | 'log'>>
  /** Reminder settings; read from the environment when absent. */
  reminders?: ReminderConfig
}

export interface App {
  app: FastifyInstance
  /** Claims, wallet, redemptions and the expiry job (tests call its jobs directly). */
  vouchers: VoucherService
  /** The reminder service and scheduler (`npm start` starts the scheduler; tests drive it). */
  reminders: ReminderRuntime
  /** The retention purge (main.ts starts it; tests call `purge`). */
  retention: RetentionJob
  /** Stops accepting, lets in-flight requests finish, then closes the store. */
  shutdown(): Promise<void>
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag === etag || tag === `W/${etag}`
  })
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, db } = deps
  const now = deps.now ?? (() => new Date())
  const wechat = deps.wechat ?? new WechatClient(config.wechat)
  let shuttingDown = false

  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimitBytes,
    // Trust exactly N proxy hops (a number in Fastify's runtime, spelled as the function it compiles to).
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    routerOptions: { maxParamLength: 200 },
    // Slow clients (slowloris) are cut: headers, whole request, idle and kept-alive sockets each
    // have a limit, checked every few seconds (Node's default check runs every 30 s).
    http: { headersTimeout: config.timeouts.headersMs, connectionsCheckingInterval: config.timeouts.checkIntervalMs },
    requestTimeout: config.timeouts.requestMs,
    connectionTimeout: config.timeouts.connectionMs,
    keepAliveTimeout: config.timeouts.keepAliveMs,
    // What Node's HTTP parser refuses before Fastify sees a request (431, 408, bad request lines)
    // still answers in the JSON envelope.
    clientErrorHandler,
    // A broken %-escape or an over-long path parameter is refused by the router before any hook:
    // the same envelope (400 BAD_URL, 414 URI_TOO_LONG).
    frameworkErrors: (error, request, reply) => {
      setSecurityHeaders(request, reply)
      return errorHandler(error, request, reply)
    },
    // Requests arriving on kept-alive sockets after close() began get our 503 envelope (onRequest
    // below) instead of Fastify's own body; idle keep-alive sockets are closed at once.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>()

  // JSON only: without this, a text/plain body would reach validation as a string (400, not 415).
  app.removeContentTypeParser('text/plain')
  app.setValidatorCompiler(validatorCompiler)
  // Responses are documents we built and validated on the way in: serialise them as they are.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  app.setErrorHandler(errorHandler)
  app.addHook('preValidation', refuseUnsafeText)
  app.setNotFoundHandler(notFoundHandler)
  app.decorateRequest('caller', null)

  // Callback hooks, not async ones: every request passes them, and an async hook costs a promise
  // and a turn of the microtask queue each (issue 20).
  app.addHook('onRequest', (_request, reply, done) => {
    if (!shuttingDown) {
      done()
      return
    }
    void reply.header('connection', 'close')
    done(new ApiError(503, 'SHUTTING_DOWN', '服务正在重启，请稍后再试', 2))
  })

  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id)
    setSecurityHeaders(request, reply)
    // An in-flight request finishing during shutdown closes its socket, so close() need not wait
    // for the keep-alive timeout.
    if (shuttingDown) void reply.header('connection', 'close')
    if (!request.routeOptions.config?.etag || reply.statusCode !== 200 || typeof payload !== 'string') {
      done(null, payload)
      return
    }
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`
    void reply.header('etag', etag).header('cache-control', 'no-cache')
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      void reply.code(304).removeHeader('content-type').removeHeader('content-length')
      done(null, '')
      return
    }
    done(null, payload)
  })

  // With Redis, the per-IP and per-user counts are shared by every process behind the balancer
  // (a connection of its own, so a slow claim script never delays a limit check).
  const limitRedis = config.vouchers.redisUrl
    ? // No offline queue: while Redis is away a limit check fails at once (and is skipped, or counted
      // in this process) instead of holding every request until a reconnect.
      new Redis(config.vouchers.redisUrl, { enableAutoPipelining: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 })
    : null
  if (limitRedis) {
    limitRedis.on('error', (error) => app.log.warn({ err: error }, 'rate-limit redis unavailable; limits counted in this process'))
    app.addHook('onClose', async () => {
      // quit() on a client still trying to connect would wait for it; just drop it then.
      if (limitRedis.status === 'ready') await limitRedis.quit().catch(() => limitRedis.disconnect())
      else limitRedis.disconnect()
    })
  }
  const limitPrefix = `${config.vouchers.redisKeyPrefix}rl:`
  await app.register(rateLimit, {
    global: true,
    ...(limitRedis ? { redis: limitRedis, nameSpace: `${limitPrefix}ip:`, skipOnError: true } : {}),
    max: config.rateLimit.ipPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    // The H5 app's own files (served here by `npm start`; by a CDN in production) are not API calls:
    // one page load fetches a dozen of them, and counting them would lock out a family on one IP.
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) => rateLimited('ip', context.ttl),
  })
  const userRateLimit = createUserRateLimit({ max: config.rateLimit.userPerMinute, windowMs: 60_000, redis: limitRedis, name: `${limitPrefix}user:` })

  await app.register(swagger, {
    openapi: {
      info: {
        title: '衢惠通 API',
        version: '1',
        description: '成功：`{ data, meta? }`；失败：`{ error: { code, message } }`，message 为中文。需要登录的接口用 `Authorization: Bearer <token>`。',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  })
  // The API document is off in production unless API_DOCS=1: it maps every route for a scanner.
  if (config.docs) await app.register(swaggerUi, { routePrefix: '/docs' })

  const guards = makeGuards(db, now, config.demo)
  // Residents' signed tokens spare the claim route its session read (issue 20); the store's change
  // notes say when one is no longer to be believed.
  const sessionSigner = await sessionSignerFor(db, config)
  const authChanges = sessionSigner ? new AuthChanges(db, Math.max(config.sessionTtlMs, config.staffSessionTtlMs), app.log) : null
  if (authChanges) {
    await authChanges.start()
    app.addHook('onClose', async () => authChanges.stop())
  }
  const claimSessions = new SessionCache(
    db,
    now,
    config.vouchers.sessionCacheMs,
    undefined,
    config.demo,
    sessionSigner && authChanges ? { signer: sessionSigner, changes: authChanges } : null,
  )
  const vouchers = new VoucherService({ db, now, log: app.log, config: config.vouchers, ...deps.vouchers })
  await vouchers.start()
  app.addHook('onClose', () => vouchers.close())
  const reminders = createReminders({ db, config: deps.reminders ?? reminderConfigFromEnv(), wechat: config.wechat, now, log: app.log })
  // Before the store closes: the batch in hand is finished and recorded.
  app.addHook('onClose', () => reminders.scheduler.stop())
  const retention = new RetentionJob(db, config.retention, now, app.log)
  app.addHook('onClose', () => retention.stop())
  const missingSettings = [...missingProductionSettings(config), ...placeholderTemplateProblem(config.production, reminders.config)]
  if (missingSettings.length > 0) app.log.error({ missing: missingSettings }, 'production server is missing required settings; /readyz answers 503')
  await app.register(healthRoutes, { db, isShuttingDown: () => shuttingDown, missingSettings })
  await app.register(
    async (api) => {
      await api.register(accountRoutes, {
        db,
        wechat,
        sessionTtlMs: config.sessionTtlMs,
        demo: config.demo,
        sessionKeys: await sessionKeyCipherFor(db, config),
        sessionSigner,
        now,
        loginPerMinute: config.rateLimit.loginPerMinute,
        requireUser: guards.requireUser,
        userRateLimit,
      })
      await api.register(privacyRoutes, {
        db,
        now,
        requireUser: guards.requireUser,
        userRateLimit,
        onDeleted: (userId) => claimSessions.forgetUser(userId),
      })
      await api.register(contentRoutes, { db, now })
      await api.register(voucherRoutes, {
        db,
        vouchers,
        sessions: claimSessions,
        limits: { redis: limitRedis, prefix: limitPrefix },
        now,
        requireUser: guards.requireUser,
        requireMerchant: guards.requireRole('merchant'),
        userRateLimit,
        claimRateLimit: config.vouchers.claimRateLimit,
      })
      await api.register(eventExtraRoutes, { db, now })
      await api.register(feedbackRoutes, { db, now })
      await api.register(searchRoutes, { search: createContentSearch(db), now })
      await api.register(reminderRoutes, { service: reminders.service, config: reminders.config, requireUser: guards.requireUser, userRateLimit })
      await api.register(staffRoutes, {
        db,
        requireMerchantOrOperator: guards.requireRole('merchant', 'operator'),
        requireOperator: guards.requireRole('operator'),
        userRateLimit,
      })
      const staffGuards = makeStaffGuards(db, now, config.demo)
      await api.register(staffAdminRoutes, {
        db,
        now,
        guards: staffGuards,
        staffSessionTtlMs: config.staffSessionTtlMs,
        loginPerMinute: config.rateLimit.loginPerMinute,
        userRateLimit,
      })
      await api.register(voucherAdminRoutes, { db, now, vouchers, guards: staffGuards, userRateLimit })
      await api.register(contentAdminRoutes, { db, now, vouchers, guards: staffGuards, userRateLimit })
    },
    { prefix: '/api/v1' },
  )

  // The operators' console: its own build, same origin as the API; hash routes, so /admin/ is the only page.
  if (config.adminDir && existsSync(path.join(config.adminDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(config.adminDir), prefix: '/admin/', index: 'index.html', decorateReply: false })
    app.get('/admin', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/'))
  } else if (config.adminDir) {
    app.log.warn({ adminDir: config.adminDir }, 'no console build to serve (admin/dist/index.html missing): run npm --prefix admin run build')
  }

  if (config.staticDir && existsSync(path.join(config.staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(config.staticDir), prefix: '/', index: 'index.html', wildcard: true })
  } else if (config.staticDir) {
    app.log.warn({ staticDir: config.staticDir }, 'no H5 build to serve (index.html missing); serving the API only')
  }

  return {
    app,
    vouchers,
    reminders,
    retention,
    async shutdown() {
      if (shuttingDown) return
      shuttingDown = true
      await app.close()
      await db.close()
    },
  }
}
