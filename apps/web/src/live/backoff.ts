/**
 * Reconnect delays: exponential from `baseMs` to `maxMs`, with "full jitter" so thousands of
 * browsers that lost the gateway at once do not all come back in the same second
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
export class Backoff {
  private attempt = 0;

  constructor(private readonly baseMs = 500, private readonly maxMs = 30_000, private readonly random: () => number = Math.random) {}

  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** this.attempt);
    this.attempt++;
    return Math.round(this.baseMs / 2 + this.random() * (ceiling - this.baseMs / 2));
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
