/** Waits for an outcome (not for a time): polls `check` until it answers something truthy. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value || Date.now() > end) return value
    await new Promise((r) => setTimeout(r, 100))
  }
}
