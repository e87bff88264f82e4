/**
 * The servers of the floor benchmark (floor.ts), one per process, each answering the claim
 * route with the bytes of a real 201 and doing less than the real server does:
 *   node        node:http, nothing else: what any Node HTTP server costs per request;
 *   fastify     the same on Fastify (this version, no plugins): the framework's share;
 *   node-redis  node:http plus one EVALSHA of the real CLAIM_SCRIPT per request (stock that
 *               never runs out, a resident per Idempotency-Key): the Redis gate with no sign-in,
 *               no validation, no idempotency record and no stream writer into PostgreSQL.
 * FLOOR_KIND picks one; PORT, and REDIS_URL with REDIS_KEY_PREFIX for node-redis. GET /readyz
 * answers 200 once listening.
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import Fastify from 'fastify'
import { Redis } from 'ioredis'
import { newWalletVoucher } from '../../src/domain/vouchers/claim'
import { claimedAnswer } from '../src/vouchers/answers'
import { CLAIM_SCRIPT } from '../src/vouchers/redis-scripts'
import { rushBatch } from '../test/helpers/voucher-fixtures'

export type FloorKind = 'node' | 'fastify' | 'node-redis'

const kind = process.env.FLOOR_KIND as FloorKind
const port = Number(process.env.PORT)
const CLAIM_PATH = /^\/api\/v1\/batches\/[^/]+\/claims$/

const at = Date.now()
const batch = rushBatch('floor', at, { quota: 1_000_000 })
/** A real claim answer's bytes (the voucher id differs per claim in the real server, not its length). */
const body = claimedAnswer(newWalletVoucher({ id: randomUUID(), batch, roundId: 'r1', ownerId: randomUUID(), claimedAt: at }), batch).body
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }

function answerClaims(handle: (request: http.IncomingMessage) => Promise<void> | void): http.Server {
  return http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/readyz') {
      response.end('ok')
      return
    }
    if (request.method !== 'POST' || !CLAIM_PATH.test(request.url ?? '')) {
      response.writeHead(404).end()
      return
    }
    request.resume()
    request.on('end', () => {
      Promise.resolve(handle(request)).then(
        () => response.writeHead(201, headers).end(body),
        (error: unknown) => response.writeHead(500).end(String(error)),
      )
    })
  })
}

async function main(): Promise<void> {
  if (kind === 'node') {
    answerClaims(() => undefined).listen(port, '127.0.0.1')
    return
  }
  if (kind === 'fastify') {
    const app = Fastify()
    app.get('/readyz', async () => 'ok')
    app.post('/api/v1/batches/:batchId/claims', async (_request, reply) => reply.code(201).headers(headers).send(body))
    await app.listen({ port, host: '127.0.0.1' })
    return
  }
  if (kind === 'node-redis') {
    const prefix = process.env.REDIS_KEY_PREFIX ?? 'floor:'
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableAutoPipelining: true })
    const tag = `${prefix}{floor}`
    // The stream's epoch too: without it the claim script answers MISSING (Redis lost the batch).
    await redis.mset(`${tag}:total:r1`, '1000000000', `${tag}:taken:r1`, '0', `${tag}:epoch`, randomUUID())
    const sha = (await redis.script('LOAD', CLAIM_SCRIPT)) as string
    answerClaims(async (request) => {
      const key = String(request.headers['idempotency-key'])
      const reply = (await redis.evalsha(
        sha,
        7,
        `${tag}:total:r1`,
        `${tag}:taken:r1`,
        `${tag}:user:${key}`,
        `${tag}:claim:${key}:${key}`,
        `${tag}:stream`,
        `${tag}:paused`,
        `${tag}:epoch`,
        'r1',
        key,
        randomUUID(),
        at,
        1,
        1,
        key,
        86_400_000,
      )) as string[]
      if (reply[0] !== 'CLAIMED') throw new Error(`claim script answered ${reply[0]}`)
    }).listen(port, '127.0.0.1')
    return
  }
  throw new Error(`FLOOR_KIND must be node, fastify or node-redis, not ${String(kind)}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
