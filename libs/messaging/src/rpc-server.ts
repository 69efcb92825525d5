import type { Channel, ChannelModel } from 'amqplib';
import type { RpcContract } from '@imad/contracts';
import type { Logger } from '@imad/observability';
import type { AmqpConnection } from './connection';
import { InFlight } from './in-flight';
import { answerAndAck, type RpcHandler } from './rpc-answer';
import { rpcQueueName } from './topology';

export type { RpcHandler } from './rpc-answer';

interface Served {
  contract: RpcContract;
  handler: RpcHandler<RpcContract>;
  channel?: Channel;
  tag?: string;
  opening?: Promise<void>;
}

/**
 * Serves RPC contracts from `rpc.<method>` queues (instances of a service share the queue).
 * Requests are acked once answered; RPCs are not retried or dead-lettered (the caller's
 * timeout decides), so a bad request gets an error reply instead.
 */
export class RpcServer {
  private readonly served = new Map<string, Served>();
  private readonly inFlight = new InFlight();
  private readonly logger: Logger;
  private stopped = false;

  constructor(private readonly connection: AmqpConnection, private readonly defaults: { prefetch?: number } = {}) {
    this.logger = connection.logger.child({ component: 'rpc-server' });
    connection.onConnect(async (model) => {
      for (const entry of this.served.values()) await this.open(model, entry);
    });
  }

  async serve<C extends RpcContract>(contract: C, handler: RpcHandler<C>): Promise<void> {
    if (this.served.has(contract.method)) throw new Error(`${contract.method} is already served in this process`);
    const entry: Served = { contract, handler: handler as RpcHandler<RpcContract> };
    this.served.set(contract.method, entry);
    if (this.connection.isConnected) await this.open(this.connection.current(), entry);
  }

  /** Stop taking requests, answer the ones running (up to `timeoutMs`), close. */
  async stop(timeoutMs = 25_000): Promise<void> {
    this.stopped = true;
    for (const entry of this.served.values()) if (entry.channel && entry.tag) await entry.channel.cancel(entry.tag).catch(() => undefined);
    await this.inFlight.settled(timeoutMs);
    for (const entry of this.served.values()) {
      const ch = entry.channel;
      entry.channel = undefined;
      await ch?.close().catch(() => undefined);
    }
  }

  private open(model: ChannelModel, entry: Served): Promise<void> {
    if (this.stopped) return Promise.resolve();
    // The connect hook and a channel-error re-open may race: one subscription per entry.
    entry.opening ??= this.subscribe(model, entry).finally(() => (entry.opening = undefined));
    return entry.opening;
  }

  private async subscribe(model: ChannelModel, entry: Served): Promise<void> {
    const queue = rpcQueueName(entry.contract.method);
    const ch = await model.createChannel();
    ch.on('error', (error: Error) => this.logger.warn({ err: error, queue }, 'RPC server channel closed by the broker'));
    ch.on('close', () => {
      if (entry.channel !== ch) return;
      entry.channel = undefined;
      this.reopenSoon(entry);
    });
    await ch.prefetch(this.defaults.prefetch ?? 10);
    // Classic and durable; each request carries a TTL (the caller's timeout) instead.
    await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'classic' } });
    entry.channel = ch;
    const { consumerTag } = await ch.consume(queue, (msg) => {
      if (!msg) return void ch.close().catch(() => undefined);
      this.inFlight.track(answerAndAck(ch, entry.contract, entry.handler, msg, this.logger));
    });
    entry.tag = consumerTag;
  }

  private reopenSoon(entry: Served): void {
    // Connection loss is handled by the connect hook; this is a channel-only failure.
    setTimeout(() => {
      if (this.stopped || entry.channel || entry.opening || !this.connection.isConnected) return;
      this.open(this.connection.current(), entry).catch((error) => {
        this.logger.error({ err: error, method: entry.contract.method }, 'could not serve again; retrying');
        this.reopenSoon(entry);
      });
    }, 1_000).unref();
  }
}
