import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { AppError, decodeEnvelope, formatIssues, type RequestOf, type ResponseOf, type RpcContract } from '@imad/contracts';
import { runWithContext, type Logger } from '@imad/observability';
import type { AmqpConnection } from './connection';
import { describeError } from './errors';
import { H } from './headers';
import { encodeReply, requestContract, type RpcReply } from './rpc-wire';
import { rpcQueueName } from './topology';

export type RpcHandler<C extends RpcContract> = (request: RequestOf<C>) => Promise<ResponseOf<C>>;

interface Served {
  contract: RpcContract;
  handler: RpcHandler<RpcContract>;
  channel?: Channel;
  tag?: string;
}

/**
 * Serves RPC contracts from `rpc.<method>` queues (several instances share one queue).
 * Every request gets exactly one reply: the validated response, the handler's AppError, or
 * RPC.BAD_REQUEST / RPC.INTERNAL. Requests are acked after the reply; RPCs are not retried
 * (the caller's timeout decides), so a bad request is answered, not dead-lettered.
 */
export class RpcServer {
  private readonly served = new Map<string, Served>();
  private readonly inFlight = new Set<Promise<void>>();
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

  /** Stop taking requests, answer the ones running, close. */
  async stop(timeoutMs = 25_000): Promise<void> {
    this.stopped = true;
    for (const entry of this.served.values()) if (entry.channel && entry.tag) await entry.channel.cancel(entry.tag).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    for (const entry of this.served.values()) await entry.channel?.close().catch(() => undefined);
  }

  private async open(model: ChannelModel, entry: Served): Promise<void> {
    if (this.stopped) return;
    const queue = rpcQueueName(entry.contract.method);
    const ch = await model.createChannel();
    ch.on('error', (error: Error) => this.logger.warn({ err: error, queue }, 'RPC server channel closed by the broker'));
    await ch.prefetch(this.defaults.prefetch ?? 10);
    // Classic and durable; requests carry a per-message TTL (the caller's timeout).
    await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'classic' } });
    entry.channel = ch;
    const { consumerTag } = await ch.consume(queue, (msg) => {
      if (!msg) return;
      const running = this.answer(ch, entry, msg).finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    });
    entry.tag = consumerTag;
  }

  private answer(ch: Channel, entry: Served, msg: ConsumeMessage): Promise<void> {
    const messageId = msg.properties.correlationId ?? msg.properties.messageId ?? 'rpc';
    const requestId = msg.properties.headers?.[H.requestId] as string | undefined;
    return runWithContext({ messageId, ...(requestId ? { requestId } : {}) }, async () => {
      const reply = await this.run(entry, msg);
      try {
        if (msg.properties.replyTo) {
          ch.sendToQueue(msg.properties.replyTo, encodeReply(reply), { correlationId: msg.properties.correlationId, contentType: 'application/json' });
        } else {
          this.logger.warn({ method: entry.contract.method }, 'RPC request without replyTo; nobody to answer');
        }
        ch.ack(msg);
      } catch (error) {
        this.logger.warn({ err: error }, 'could not answer the RPC request (channel closed)');
      }
    });
  }

  private async run(entry: Served, msg: ConsumeMessage): Promise<RpcReply> {
    const { method } = entry.contract;
    const decoded = decodeEnvelope(requestContract(entry.contract), msg.content);
    if (!decoded.ok) return { ok: false, error: { code: 'RPC.BAD_REQUEST', message: `invalid ${method} request: ${decoded.reason}` } };
    try {
      const result = await entry.handler(decoded.envelope.payload);
      const checked = entry.contract.response.safeParse(result);
      if (checked.success) return { ok: true, result: checked.data };
      this.logger.error({ method, issues: formatIssues(checked.error) }, 'RPC handler returned a response that breaks its contract');
      return { ok: false, error: { code: 'RPC.BAD_RESPONSE', message: `${method} produced an invalid response: ${formatIssues(checked.error)}` } };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toJSON() };
      // Unexpected: log it whole here, send the caller a stable code without internals.
      this.logger.error({ err: error, method, error: describeError(error) }, 'RPC handler failed');
      return { ok: false, error: { code: 'RPC.INTERNAL', message: `${method} failed unexpectedly; see the serving service's logs` } };
    }
  }
}
