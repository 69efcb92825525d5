import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { defineMessage } from '@imad/contracts';
import { amqpUrl, deleteQueues, eventually, inspector, repoRoot, startStack, uniqueName } from './support';

const type = `test.crash.${randomUUID().slice(0, 8)}`;
const Job = defineMessage(type, 1, z.object({ n: z.number() }));

/** Starts the stuck consumer as a real child process and resolves on each JSON line it prints. */
function startChild(queue: string): { child: ChildProcess; lines: Record<string, unknown>[] } {
  const child = spawn(process.execPath, ['tools/build/run-ts.js', 'libs/messaging/test/fixtures/stuck-consumer.ts', amqpUrl(), queue, type], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line)));
  return { child, lines };
}

describe('a consumer process killed mid-message', () => {
  const queue = uniqueName('crash');
  let child: ChildProcess | undefined;
  const stacks: Awaited<ReturnType<typeof startStack>>[] = [];
  const stack = async (name: string) => {
    const started = await startStack(name);
    stacks.push(started);
    return started;
  };

  afterAll(async () => {
    child?.kill('SIGKILL');
    for (const s of stacks) await s.stop();
    const look = await inspector();
    await deleteQueues(look.ch, queue);
    await look.close();
  });

  it('gets its message redelivered to the next consumer, which handles it once', async () => {
    const producer = await stack('crash-producer');
    // Declares the queue the way every consumer does, then leaves it to the child.
    const declare = await stack('crash-declare');
    await declare.consumers.consume({ queue, contract: Job, handler: async () => undefined });
    await declare.stop();

    const started = startChild(queue);
    child = started.child;
    await eventually('the child to subscribe', () => started.lines.some((l) => l.event === 'consuming'), 60_000);
    const { id } = await producer.publisher.publish('', queue, Job, { n: 7 }, {}, true);
    await eventually('the child to start the handler', () => started.lines.some((l) => l.event === 'started' && l.id === id), 10_000);

    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    const handled: { id: string; n: number }[] = [];
    const next = await stack('crash-successor');
    await next.consumers.consume({ queue, contract: Job, handler: async ({ n }, envelope) => void handled.push({ id: envelope.id, n }) });
    await eventually('the redelivered message', () => handled.length > 0, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(handled).toEqual([{ id, n: 7 }]);

    const look = await inspector();
    const { messageCount } = await look.ch.checkQueue(queue);
    await look.close();
    expect(messageCount).toBe(0);
  });
});
