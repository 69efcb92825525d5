import { Registry } from 'prom-client';
import { createLogger } from '@imad/observability';
import { AmqpConnection, ConsumerHost, deadLetterQueueName, MessagingMetrics, Publisher } from '@imad/messaging';
import { BenchEvent, payloadOf, result, windowed, type RoundResult, type Workload } from './workload';

/** One round through libs/messaging: Publisher.publishEvent + ConsumerHost.subscribeEvent, metrics on. */
export async function runOurs(w: Workload, round: number, queue: string): Promise<RoundResult> {
  const connection = new AmqpConnection({ url: w.url, connectionName: 'bench-imad', logger: createLogger('bench-imad', 'silent') });
  const metrics = new MessagingMetrics(new Registry());
  const publisher = new Publisher(connection, metrics);
  const consumers = new ConsumerHost(connection, { prefetch: w.prefetch }, metrics);
  await connection.start();
  let consumed = 0;
  let allConsumed!: () => void;
  const done = new Promise<void>((resolve) => (allConsumed = resolve));
  await consumers.subscribeEvent({
    queue,
    contract: BenchEvent,
    maxAttempts: 1,
    handler: async () => {
      if (++consumed === w.n) allConsumed();
    },
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await windowed(w.n, w.window, (i) => publisher.publishEvent(BenchEvent, payloadOf(i)));
  const published = performance.now();
  await done;
  const finished = performance.now();
  const cpuUsed = process.cpuUsage(cpu);
  await consumers.stop();
  const ch = await connection.current().createChannel();
  for (const name of [queue, deadLetterQueueName(queue)]) await ch.deleteQueue(name);
  await connection.close();
  return result('imad', round, w.n, published - started, finished - started, cpuUsed);
}
