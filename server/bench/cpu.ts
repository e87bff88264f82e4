import { readdirSync, readFileSync } from 'node:fs'
import { Redis } from 'ioredis'

/**
 * CPU accounting for the benchmarks (Linux /proc; null elsewhere). Wall-clock throughput on a
 * shared 2-core box is noisy, so the benches also report what each party spent: the server process (user + system
 * time, the Redis stream writer included), the load generator (this process), Redis
 * (INFO cpu) and PostgreSQL's processes, and the whole machine (/proc/stat, which includes
 * anyone else's work: compare it with the sum of the parts to see the noise).
 */
const TICK_MS = 10 // USER_HZ is 100 on Linux

export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return null
  }
}

/** The process and its descendants (a supervisor and its server processes): their CPU added up. */
export function processTreeCpuMs(pid: number): number | null {
  const own = processCpuMs(pid)
  if (own === null) return null
  let total = own
  for (const child of childPids(pid)) total += processTreeCpuMs(child) ?? 0
  return total
}

export function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    )
  } catch {
    return []
  }
}

export function postgresCpuMs(): Map<number, number> {
  const result = new Map<number, number>()
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      try {
        if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue
      } catch {
        continue
      }
      const ms = processCpuMs(Number(name))
      if (ms !== null) result.set(Number(name), ms)
    }
  } catch {
    // not Linux
  }
  return result
}

/** CPU PostgreSQL spent between two snapshots (backends that exited in between are missed). */
export function postgresDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0)
  return total
}

export function machineCpuMs(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]
    const values = line.trim().split(/\s+/).slice(1).map(Number)
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0)
    const idle = values[3] + values[4]
    return { busy: (total - idle) * TICK_MS, total: total * TICK_MS }
  } catch {
    return null
  }
}

export async function redisCpuMs(url: string): Promise<number | null> {
  const redis = new Redis(url)
  try {
    const info = await redis.info('cpu')
    const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? NaN)
    const seconds = field('used_cpu_user') + field('used_cpu_sys')
    return Number.isFinite(seconds) ? seconds * 1000 : null
  } finally {
    redis.disconnect()
  }
}
