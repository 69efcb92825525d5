import { connect, type ChannelModel } from 'amqplib';
import { amqpUrl, eventually, uniqueName } from '@imad/testing';

export interface CapturedEvent {
  id: string;
  type: string;
  payload: { userId: string; login: string; appName: string; provider: string };
}

/**
 * A test's own queue bound to `imad.events` for `user.registered`: what other services
 * would receive. Exclusive and auto-deleted, so parallel tests never share it.
 */
export async function captureUserRegistered(): Promise<{ events: CapturedEvent[]; forLogin(login: string): CapturedEvent[]; waitFor(login: string): Promise<CapturedEvent>; close(): Promise<void> }> {
  const connection: ChannelModel = await connect(amqpUrl());
  const channel = await connection.createChannel();
  await channel.assertExchange('imad.events', 'topic', { durable: true });
  const queue = uniqueName('auth-test-user-registered');
  await channel.assertQueue(queue, { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, 'imad.events', 'user.registered');
  const events: CapturedEvent[] = [];
  await channel.consume(queue, (msg) => {
    if (msg) events.push(JSON.parse(msg.content.toString()) as CapturedEvent);
  }, { noAck: true });
  const forLogin = (login: string) => events.filter((e) => e.payload.login === login);
  return {
    events,
    forLogin,
    waitFor: (login) => eventually(`user.registered for ${login}`, () => forLogin(login)[0], 10_000),
    async close() {
      await connection.close();
    },
  };
}
