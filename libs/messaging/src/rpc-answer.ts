import type { Channel, ConsumeMessage } from 'amqplib';
import { AppError, decodeEnvelope, formatIssues, type RequestOf, type ResponseOf, type RpcContract } from '@imad/contracts';
import { runWithContext, type Logger } from '@imad/observability';
import { describeError } from './errors';
import { H } from './headers';
import { encodeReply, requestContract, type RpcReply } from './rpc-wire';

export type RpcHandler<C extends RpcContract> = (request: RequestOf<C>) => Promise<ResponseOf<C>>;

/**
 * Turns one request into exactly one reply: the validated response, the handler's AppError,
 * or RPC.BAD_REQUEST / RPC.BAD_RESPONSE / RPC.INTERNAL. Never throws.
 */
export async function answer(contract: RpcContract, handler: RpcHandler<RpcContract>, msg: ConsumeMessage, logger: Logger): Promise<RpcReply> {
  const { method } = contract;
  const decoded = decodeEnvelope(requestContract(contract), msg.content);
  if (!decoded.ok) return { ok: false, error: { code: 'RPC.BAD_REQUEST', message: `invalid ${method} request: ${decoded.reason}` } };
  try {
    const result = await handler(decoded.envelope.payload);
    const checked = contract.response.safeParse(result);
    if (checked.success) return { ok: true, result: checked.data };
    logger.error({ method, issues: formatIssues(checked.error) }, 'RPC handler returned a response that breaks its contract');
    return { ok: false, error: { code: 'RPC.BAD_RESPONSE', message: `${method} produced an invalid response: ${formatIssues(checked.error)}` } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toJSON() };
    // Unexpected: logged whole here; the caller gets a stable code without internals.
    logger.error({ err: error, method, error: describeError(error) }, 'RPC handler failed');
    return { ok: false, error: { code: 'RPC.INTERNAL', message: `${method} failed unexpectedly; see the serving service's logs` } };
  }
}

/** Answers one request on its channel, in the caller's log context, then acks it. Never throws. */
export function answerAndAck(ch: Channel, contract: RpcContract, handler: RpcHandler<RpcContract>, msg: ConsumeMessage, logger: Logger): Promise<void> {
  const { correlationId, replyTo, headers } = msg.properties;
  const requestId = headers?.[H.requestId] as string | undefined;
  return runWithContext({ messageId: correlationId ?? 'rpc', ...(requestId ? { requestId } : {}) }, async () => {
    const reply = await answer(contract, handler, msg, logger);
    try {
      if (replyTo) ch.sendToQueue(replyTo, encodeReply(reply), { correlationId, contentType: 'application/json' });
      else logger.warn({ method: contract.method }, 'RPC request without replyTo; nobody to answer');
      ch.ack(msg);
    } catch (error) {
      logger.warn({ err: error }, 'could not answer the RPC request (channel closed)');
    }
  });
}
