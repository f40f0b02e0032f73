/** Runs fn `runs` times after `warmup` runs and returns latency percentiles in milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs = 50, warmup = 5) {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0
  return { p50: at(0.5), p95: at(0.95), max: times.at(-1) ?? 0 }
}

export function report(label: string, s: { p50: number; p95: number; max: number }) {
  const f = (n: number) => n.toFixed(2).padStart(8)
  console.log(`${label.padEnd(48)} p50 ${f(s.p50)} ms   p95 ${f(s.p95)} ms   max ${f(s.max)} ms`)
}
