import type { AppLogLine } from '@imad/contracts';
import { eventually, useStore } from './redis-fixture';

const t = useStore();
const line = (text: string, stream: AppLogLine['stream'] = 'stdout'): AppLogLine => ({ at: new Date().toISOString(), stream, line: text });

describe('app logs in the status store', () => {
  it('keeps a bounded tail, oldest first, and cuts a huge line', async () => {
    const app = t.app();
    const many = Array.from({ length: 600 }, (_, i) => line(`line ${i}`));
    await t.store.appendLog(app, many);
    await t.store.appendLog(app, line('x'.repeat(10_000), 'stderr'));

    const tail = await t.store.logTail(app, 1000);
    expect(tail).toHaveLength(500);
    expect(tail[0]!.line).toBe('line 101');
    expect(tail.at(-1)!.line.length).toBeLessThanOrEqual(4000);
    expect(tail.at(-1)!.line.endsWith('[cut]')).toBe(true);
    expect((await t.store.logTail(app, 2)).map((l) => l.line.slice(0, 8))).toEqual(['line 599', 'xxxxxxxx']);
  });

  it('delivers each appended line live to subscribers of that app', async () => {
    const app = t.app();
    const got: [string, string][] = [];
    const sub = await t.store.subscribeLogs([app], (a, l) => got.push([a, l.line]));
    await t.store.appendLog(app, [line('hello'), line('world', 'stderr')]);

    await eventually('two lines', () => got.length === 2);
    expect(got).toEqual([
      [app, 'hello'],
      [app, 'world'],
    ]);
    await sub.close();
  });
});
