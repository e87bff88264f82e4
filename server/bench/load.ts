/**
 * A lean HTTP/1.1 load generator for the claim benchmark: C kept-alive TCP connections, each with
 * one request in flight at a time (like autocannon's connections, no pipelining), until N requests
 * have been answered. Requests are written as ready-made ASCII text and only the status line and
 * Content-Length of each answer are read, so the generator spends a fraction of autocannon's CPU
 * on a box it shares with the server. It measures what the client saw — status counts, latency
 * from the write to the last byte of the answer, wall time from the first write to the last
 * answer — and nothing else: the benchmark counts claims from the store.
 */
import { connect, type Socket } from 'node:net'

export interface LoadOptions {
  host: string
  port: number
  connections: number
  requests: number
  /** The request text (head and body) for request number `index`, ASCII only. */
  request: (index: number) => string
  timeoutMs?: number
}

export interface LoadResult {
  /** Requests answered, any status. */
  answered: number
  statusCounts: Record<number, number>
  /** Connection errors, timeouts and unparseable answers (each request counted once). */
  errors: number
  durationSec: number
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number }
}

const HEADER_END = Buffer.from('\r\n\r\n')

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return Number(sorted[index].toFixed(1))
}

/** Reads `Content-Length` from a header block (latin1 text); -1 when absent. */
function contentLength(head: string): number {
  const match = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head)
  return match ? Number(match[1]) : -1
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies = new Float64Array(options.requests)
  const statusCounts: Record<number, number> = {}
  let next = 0
  let answered = 0
  let errors = 0
  let recorded = 0
  let open = 0
  const started = performance.now()
  let finished = started

  return new Promise<LoadResult>((resolve) => {
    const done = () => {
      if (open > 0) return
      finished = performance.now()
      const sorted = latencies.slice(0, recorded).sort()
      let sum = 0
      for (const value of sorted) sum += value
      resolve({
        answered,
        statusCounts,
        errors,
        durationSec: (finished - started) / 1000,
        latencyMs: {
          p50: percentile(sorted, 0.5),
          p90: percentile(sorted, 0.9),
          p99: percentile(sorted, 0.99),
          max: percentile(sorted, 1),
          mean: Number((recorded > 0 ? sum / recorded : 0).toFixed(1)),
        },
      })
    }

    const startConnection = () => {
      if (next >= options.requests) return
      open += 1
      const socket: Socket = connect({ host: options.host, port: options.port, noDelay: true })
      let buffer: Buffer = Buffer.alloc(0)
      let sentAt = 0
      let waiting = false
      let bodyNeeded = -1
      let headLength = 0
      let status = 0
      let timer: NodeJS.Timeout | null = null
      let connected = false

      const sendNext = () => {
        if (next >= options.requests) {
          socket.end()
          return
        }
        const index = next
        next += 1
        waiting = true
        bodyNeeded = -1
        sentAt = performance.now()
        socket.write(options.request(index), 'latin1')
        if (options.timeoutMs) {
          timer?.refresh()
          timer ??= setTimeout(() => socket.destroy(new Error('timeout')), options.timeoutMs)
        }
      }

      socket.on('connect', () => {
        connected = true
        sendNext()
      })
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
        while (waiting) {
          if (bodyNeeded < 0) {
            const end = buffer.indexOf(HEADER_END)
            if (end < 0) return
            const head = buffer.toString('latin1', 0, end)
            status = Number(head.slice(9, 12))
            const length = contentLength(head)
            if (!Number.isInteger(status) || status < 100 || (length < 0 && status !== 304 && status !== 204)) {
              socket.destroy(new Error(`unexpected answer: ${head.slice(0, 200)}`))
              return
            }
            headLength = end + HEADER_END.length
            bodyNeeded = Math.max(0, length)
          }
          if (buffer.length < headLength + bodyNeeded) return
          buffer = buffer.subarray(headLength + bodyNeeded)
          waiting = false
          latencies[recorded] = performance.now() - sentAt
          recorded += 1
          answered += 1
          statusCounts[status] = (statusCounts[status] ?? 0) + 1
          sendNext()
        }
      })
      socket.on('error', () => undefined)
      socket.on('close', () => {
        if (timer) clearTimeout(timer)
        open -= 1
        if (waiting) {
          // The request in flight got no (complete) answer; count it and carry on on a new socket.
          errors += 1
          waiting = false
        } else if (!connected && next < options.requests) {
          // Could not connect: that request fails (so a dead server ends the run instead of looping).
          errors += 1
          next += 1
        }
        if (next < options.requests) startConnection()
        done()
      })
    }

    for (let index = 0; index < Math.min(options.connections, options.requests); index += 1) startConnection()
    if (options.requests === 0) done()
  })
}
