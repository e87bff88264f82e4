/**
 * Group commit for the rush: requests that arrive while the previous group is being written are
 * gathered and handled by one statement. An idle server runs each request at once (a group of
 * one, no timer, no added latency); a busy one makes fewer, larger statements — which is what
 * lifts an embedded PGlite (one statement at a time, ~0.5 ms each) and saves round trips and
 * commits on PostgreSQL.
 */
export class Batcher<I, O> {
  private queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = []
  private inFlight = 0
  private scheduled = false

  constructor(
    /** Handles a group; returns one result per item, in order. */
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxBatch: number; maxInFlight: number },
  ) {}

  load(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return
    this.scheduled = true
    // Let every request already parsed in this turn of the event loop join the group.
    setImmediate(() => {
      this.scheduled = false
      this.flush()
    })
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxBatch)
      this.inFlight += 1
      this.run(group.map((entry) => entry.item))
        .then(
          (results) => group.forEach((entry, index) => entry.resolve(results[index])),
          (error: unknown) => group.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1
          this.schedule()
        })
    }
  }
}
