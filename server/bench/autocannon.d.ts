/** The part of autocannon's API the claim benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    p50: number
    p99: number
    average: number
    max: number
    total: number
  }
  interface Result {
    duration: number
    errors: number
    timeouts: number
    requests: Histogram
    latency: Histogram
    statusCodeStats: Record<string, { count: number }>
  }
  interface Options {
    url: string
    connections?: number
    amount?: number
    duration?: number
    timeout?: number
    requests?: { method?: string; path?: string; setupRequest?: (request: Record<string, unknown>) => Record<string, unknown> }[]
  }
  export default function autocannon(options: Options): Promise<Result>
}
