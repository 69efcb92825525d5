import { randomUUID } from 'node:crypto';
import type { Channel, Message } from 'amqplib';
import { AppError, encodeEnvelope, formatIssues, type RequestInputOf, type ResponseOf, type RpcContract } from '@imad/contracts';
import { currentContext, type Logger } from '@imad/observability';
import type { AmqpConnection } from './connection';
import { H } from './headers';
import { MessagingMetrics } from './metrics';
import { PendingCalls } from './rpc-pending';
import { requestContract, RPC_REPLY_TO } from './rpc-wire';
import { rpcQueueName } from './topology';

/**
 * Calls `rpc.<method>` queues with direct reply-to (no reply queue to declare or clean up).
 * Validates the request before sending and the response on arrival; a remote AppError is
 * re-thrown with its code and details. Failures of the call itself: RPC.TIMEOUT,
 * RPC.UNAVAILABLE (no server queue, or the connection dropped), RPC.BAD_REQUEST/BAD_RESPONSE.
 */
export class RpcClient {
  private channel?: Promise<Channel>;
  private readonly pending = new PendingCalls();
  private readonly logger: Logger;

  constructor(private readonly connection: AmqpConnection, private readonly metrics = new MessagingMetrics()) {
    this.logger = connection.logger.child({ component: 'rpc-client' });
    connection.on('disconnected', () => this.dropChannel());
  }

  async call<C extends RpcContract>(contract: C, request: RequestInputOf<C>, opts: { timeoutMs?: number } = {}): Promise<ResponseOf<C>> {
    const { method } = contract;
    const timeoutMs = opts.timeoutMs ?? 5_000;
    const checked = contract.request.safeParse(request);
    if (!checked.success) throw new AppError('RPC.BAD_REQUEST', `invalid ${method} request: ${formatIssues(checked.error)}`, { method });
    const started = performance.now();
    const id = randomUUID();
    const body = encodeEnvelope(requestContract(contract), checked.data, { id });
    const ch = await this.open(method);
    const result = this.pending.add(id, contract, timeoutMs);
    const { requestId } = currentContext();
    try {
      ch.publish('', rpcQueueName(method), body, {
        correlationId: id, messageId: id, replyTo: RPC_REPLY_TO, type: method, contentType: 'application/json',
        // A request nobody took in time is dropped by the broker, not served late.
        expiration: String(timeoutMs), mandatory: true, persistent: false,
        headers: requestId ? { [H.requestId]: requestId } : {},
      });
    } catch (error) {
      this.pending.fail(id, new AppError('RPC.UNAVAILABLE', `${method} could not be sent: ${(error as Error).message}`, { method }));
    }
    try {
      const value = (await result) as ResponseOf<C>;
      this.metrics.onRpc(method, 'ok', (performance.now() - started) / 1000);
      return value;
    } catch (error) {
      this.metrics.onRpc(method, error instanceof AppError ? error.code : 'error', (performance.now() - started) / 1000);
      throw error;
    }
  }

  private open(method: string): Promise<Channel> {
    if (this.channel) return this.channel;
    const model = this.connection.current(`${method} was not called`);
    const opening = (async () => {
      const ch = await model.createChannel();
      ch.on('error', (error: Error) => this.logger.warn({ err: error }, 'RPC channel closed by the broker'));
      ch.on('close', () => {
        if (this.channel === opening) this.dropChannel();
      });
      // Unroutable (mandatory): no rpc.<method> queue, so nothing serves the method.
      ch.on('return', (msg: Message) => {
        const id = String(msg.properties.correlationId);
        const name = this.pending.methodOf(id) ?? 'the method';
        this.pending.fail(id, new AppError('RPC.UNAVAILABLE', `no service is serving ${name} (queue ${rpcQueueName(name)} does not exist)`, { method: name }));
      });
      // Direct reply-to: consume (no-ack) before publishing, on the same channel.
      await ch.consume(RPC_REPLY_TO, (msg) => msg && this.pending.reply(String(msg.properties.correlationId), msg.content), { noAck: true });
      return ch;
    })();
    opening.catch(() => {
      if (this.channel === opening) this.channel = undefined;
    });
    this.channel = opening;
    return opening;
  }

  /** Replies to calls in flight would go to a reply address that no longer exists. */
  private dropChannel(): void {
    this.channel = undefined;
    this.pending.failAll((method) => new AppError('RPC.UNAVAILABLE', `the connection to RabbitMQ was lost before ${method} answered; it may or may not have run`, { method }));
  }
}
