/**
 * Group commit: work items that arrive while a batch is being written wait and go together in
 * the next batch, each caller still getting its own answer. One caller alone is written at once
 * (no timer, no added wait); under load, batches grow by themselves to what arrived during the
 * last one, so a database commit and its round trips are shared instead of paid per item.
 *
 * When a batch fails as a whole (one item's error, a deadlock with another process), each of its
 * items is tried again on its own, so one bad item fails only its own caller.
 */
export class GroupCommit<I, O> {
  private waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = []
  private writing = 0

  /**
   * @param write writes a batch; answers one output per item, in the items' order.
   * @param maxBatch the most items written together.
   * @param lanes the most batches written at once (each holds a database connection while it
   *   is written: with one, a process's batches wait on each other's round trips).
   */
  constructor(
    private readonly write: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly maxBatch = 64,
    private readonly lanes = 1,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject })
      if (this.writing < this.lanes) void this.drain()
    })
  }

  /** One lane: writes what waits, batch after batch, until nothing does. */
  private async drain() {
    this.writing++
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch)
        await this.writeBatch(batch)
      }
    } finally {
      this.writing--
    }
  }

  private async writeBatch(batch: typeof this.waiting) {
    try {
      const outputs = await this.write(batch.map((b) => b.item))
      batch.forEach((b, n) => b.resolve(outputs[n]!))
      return
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error)
    }
    for (const one of batch) {
      try {
        const [output] = await this.write([one.item])
        one.resolve(output!)
      } catch (error) {
        one.reject(error)
      }
    }
  }
}
