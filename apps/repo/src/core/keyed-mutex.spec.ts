import { KeyedMutex } from './keyed-mutex';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in order, even when one fails', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task = (name: string, fail = false) => async () => {
      events.push(`start ${name}`);
      await sleep(5);
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([mutex.run('a', task('1')), mutex.run('a', task('2', true)), mutex.run('a', task('3'))]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets different keys run at the same time and forgets idle keys', async () => {
    const mutex = new KeyedMutex();
    let running = 0;
    let peak = 0;
    const task = async () => {
      peak = Math.max(peak, ++running);
      await sleep(5);
      running--;
    };
    await Promise.all([mutex.run('a', task), mutex.run('b', task)]);
    expect(peak).toBe(2);
    await sleep(1);
    expect(mutex.size).toBe(0);
  });
});
