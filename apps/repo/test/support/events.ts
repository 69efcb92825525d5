import { connect } from 'amqplib';

/** Collects the payloads of one event type published to `imad.events` (an exclusive queue of its own). */
export async function captureEvents<T = unknown>(amqpUrl: string, type: string): Promise<{ payloads: T[]; stop: () => Promise<void> }> {
  const conn = await connect(amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertExchange('imad.events', 'topic', { durable: true });
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, 'imad.events', type);
  const payloads: T[] = [];
  await ch.consume(queue, (msg) => {
    if (msg) payloads.push((JSON.parse(msg.content.toString('utf8')) as { payload: T }).payload);
  }, { noAck: true });
  return { payloads, stop: () => conn.close() };
}
