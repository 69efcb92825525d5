import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through at once, then paces calls at the QPS', async () => {
    const bucket = new TokenBucket(50, 5);
    const started = performance.now();
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(performance.now() - started).toBeLessThan(20);
    for (let i = 0; i < 10; i++) await bucket.take();
    // 10 more tokens at 50/s take about 200 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('serves waiters in arrival order', async () => {
    const bucket = new TokenBucket(100, 1);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('refills over time up to the burst, never beyond', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    void bucket.take();
    void bucket.take();
    void bucket.take();
    expect(bucket.available()).toBeCloseTo(0);
    now = 150;
    expect(bucket.available()).toBeCloseTo(1.5);
    now = 10_000;
    expect(bucket.available()).toBe(3);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0)).toThrow(RangeError);
  });
});
