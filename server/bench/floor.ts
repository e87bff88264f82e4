/**
 * `npm run bench:floor -- [--kind node|fastify|node-redis] [--requests N --connections C --warmup W] [--force]`
 *
 * What this machine allows a claim server at all. The claim benchmark's load (N claims, default
 * 22,000, over C kept-alive connections, default 100, the same request bytes, the same lean load
 * generator on the same box; refused when the load average is over 0.6 unless --force) against servers that do less than a claim: node:http answering a
 * fixed 201, the same on Fastify, and node:http with one EVALSHA of the real claim script per
 * request (floor-server.ts). Each server is warmed with W requests first (default 5,000; the
 * claim benchmark's server starts cold), so these are upper bounds. One JSON line per kind:
 * requests per second, latency, and CPU milliseconds per request of the server, the load
 * generator, Redis and the whole machine — the costs no claim server on this box can avoid.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { machineCpuMs, processCpuMs, redisCpuMs } from './cpu'
import type { FloorKind } from './floor-server'
import { checkQuiet, freePort, parseFlags, purgeRedisPrefix, stopChild, waitReady } from './harness'
import { runLoad } from './load'

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379'
const KINDS: readonly FloorKind[] = ['node', 'fastify', 'node-redis']

function parseArgs(argv: string[]) {
  const options = parseFlags(argv, ['force'])
  const kinds = options.kind === undefined ? KINDS : [options.kind as FloorKind]
  if (!kinds.every((kind) => KINDS.includes(kind))) throw new Error(`--kind must be one of ${KINDS.join(', ')}`)
  const number = (name: string, fallback: number, least: number) => {
    const value = options[name] === undefined ? fallback : Number(options[name])
    if (!Number.isSafeInteger(value) || value < least) throw new Error(`--${name} must be a whole number, at least ${least}`)
    return value
  }
  return {
    kinds,
    requests: number('requests', 22_000, 1),
    connections: number('connections', 100, 1),
    warmup: number('warmup', 5_000, 0),
    force: options.force === 'true',
  }
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`)

/** The claim benchmark's request: a 43-character bearer token, a fresh Idempotency-Key, `{}`. */
function fire(port: number, requests: number, connections: number, run: string) {
  const token = 'A'.repeat(43)
  return runLoad({
    host: '127.0.0.1',
    port,
    connections,
    requests,
    timeoutMs: 30_000,
    request: (index) =>
      `POST /api/v1/batches/floor/claims HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nIdempotency-Key: floor-${run}-${index}\r\nContent-Length: 2\r\n\r\n{}`,
  })
}

async function measure(kind: FloorKind, args: ReturnType<typeof parseArgs>, load1Before: number): Promise<void> {
  const run = randomUUID().replace(/-/g, '').slice(0, 10)
  const prefix = `bench-floor-${run}:`
  const port = await freePort()
  const usesRedis = kind === 'node-redis'
  let child: ChildProcess | null = spawn(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts'], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', FLOOR_KIND: kind, PORT: String(port), REDIS_URL, REDIS_KEY_PREFIX: prefix },
  })
  try {
    await waitReady(`http://127.0.0.1:${port}`, child)
    if (args.warmup > 0) await fire(port, args.warmup, args.connections, `${run}w`)
    log(`${kind}: ${args.requests} requests over ${args.connections} connections`)
    const before = {
      server: processCpuMs(child.pid!),
      bench: process.cpuUsage(),
      redis: usesRedis ? await redisCpuMs(REDIS_URL) : null,
      machine: machineCpuMs(),
    }
    const result = await fire(port, args.requests, args.connections, run)
    const bench = process.cpuUsage(before.bench)
    const after = { server: processCpuMs(child.pid!), redis: usesRedis ? await redisCpuMs(REDIS_URL) : null, machine: machineCpuMs() }
    const perRequest = (a: number | null, b: number | null) =>
      a === null || b === null || result.answered === 0 ? null : Number(((b - a) / result.answered).toFixed(3))
    const ok = result.statusCounts[201] ?? 0
    process.stdout.write(
      `${JSON.stringify({
        floor: kind,
        requests: result.answered,
        requestsPerSec: Math.round(result.answered / result.durationSec),
        p50Ms: result.latencyMs.p50,
        p99Ms: result.latencyMs.p99,
        errors: result.errors + (result.answered - ok),
        connections: args.connections,
        warmup: args.warmup,
        cpuMsPerRequest: {
          server: perRequest(before.server, after.server),
          loadGenerator: Number(((bench.user + bench.system) / 1000 / Math.max(1, result.answered)).toFixed(3)),
          redis: perRequest(before.redis, after.redis),
          machine: perRequest(before.machine?.busy ?? null, after.machine?.busy ?? null),
        },
        load1Before: Number(load1Before.toFixed(2)),
        machineBusy:
          before.machine && after.machine
            ? Number(((after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total)).toFixed(2))
            : null,
      })}\n`,
    )
    await stopChild(child)
    child = null
  } finally {
    if (child) await stopChild(child)
    if (usesRedis) await purgeRedisPrefix(REDIS_URL, prefix)
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const load = checkQuiet(args.force, log)
  for (const kind of args.kinds) await measure(kind, args, load)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
