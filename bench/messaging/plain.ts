import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE } from '@imad/messaging';
import { BenchEvent, payloadOf, result, windowed, type RoundResult, type Workload } from './workload';

/**
 * The same work with amqplib alone: confirm channel, persistent messages, per-message confirm
 * callbacks, the same window, the same quorum queue arguments and binding, the same prefetch,
 * manual acks, a JSON envelope built and parsed (but no schema validation, context or metrics).
 */
export async function runPlain(w: Workload, round: number, queue: string): Promise<RoundResult> {
  const conn = await connect(w.url);
  const pub = await conn.createConfirmChannel();
  const sub = await conn.createConfirmChannel();
  await sub.assertQueue(queue, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 10, 'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE, 'x-dead-letter-routing-key': queue },
  });
  await sub.bindQueue(queue, EVENTS_EXCHANGE, `${BenchEvent.type}.plain`);
  await sub.prefetch(w.prefetch);
  let consumed = 0;
  let allConsumed!: () => void;
  const done = new Promise<void>((resolve) => (allConsumed = resolve));
  await sub.consume(queue, (msg) => {
    if (!msg) return;
    JSON.parse(msg.content.toString('utf8'));
    sub.ack(msg);
    if (++consumed === w.n) allConsumed();
  });
  const publishOne = (i: number) => new Promise<void>((resolve, reject) => {
    const id = randomUUID();
    const body = Buffer.from(JSON.stringify({ type: BenchEvent.type, v: 1, id, occurredAt: new Date().toISOString(), payload: payloadOf(i) }));
    pub.publish(EVENTS_EXCHANGE, `${BenchEvent.type}.plain`, body, {
      persistent: true, messageId: id, type: BenchEvent.type, contentType: 'application/json', timestamp: Math.floor(Date.now() / 1000), headers: {},
    }, (err) => (err ? reject(err) : resolve()));
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await windowed(w.n, w.window, publishOne);
  const published = performance.now();
  await done;
  const finished = performance.now();
  const cpuUsed = process.cpuUsage(cpu);
  await sub.deleteQueue(queue);
  await conn.close();
  return result('plain', round, w.n, published - started, finished - started, cpuUsed);
}
