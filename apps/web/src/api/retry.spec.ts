import { expect, test } from '@jest/globals';
import { ApiError } from './http';
import { retryTransient } from './retry';

const notReady = () => new ApiError('REPO.NOT_READY', 'still being created', 503);

test('waits while the new workspace is being created, then returns it', async () => {
  let calls = 0;
  const waits: number[] = [];
  const tree = await retryTransient(
    async () => {
      if (++calls < 4) throw notReady();
      return 'tree';
    },
    { sleep: async (ms) => void waits.push(ms), onWait: () => undefined },
  );
  expect(tree).toBe('tree');
  expect(waits).toEqual([300, 600, 1200]);
});

test('does not retry an answer that will not change (signed out, not found)', async () => {
  let calls = 0;
  await expect(
    retryTransient(async () => {
      calls++;
      throw new ApiError('AUTH.SESSION_EXPIRED', 'signed out', 401);
    }, { sleep: async () => undefined }),
  ).rejects.toMatchObject({ status: 401 });
  expect(calls).toBe(1);
});

test('gives up at the deadline with the last error', async () => {
  let t = 0;
  await expect(
    retryTransient(async () => {
      throw notReady();
    }, { deadlineMs: 5000, now: () => t, sleep: async (ms) => void (t += ms) }),
  ).rejects.toMatchObject({ code: 'REPO.NOT_READY' });
});
