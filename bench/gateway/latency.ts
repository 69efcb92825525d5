/** Delivery latencies of one path (milliseconds), summarised the same way for every path. */
export class Latencies {
  private readonly samples: number[] = [];
  missing = 0;

  add(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  summary() {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      received: sorted.length,
      missing: this.missing,
      p50: round(at(0.5)),
      p90: round(at(0.9)),
      p99: round(at(0.99)),
      max: round(sorted.at(-1) ?? NaN),
      mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    };
  }
}
