import type { ConsumeMessage } from 'amqplib';
import { AppError, decodeEnvelope, formatIssues, type RequestOf, type ResponseOf, type RpcContract } from '@imad/contracts';
import type { Logger } from '@imad/observability';
import { describeError } from './errors';
import { requestContract, type RpcReply } from './rpc-wire';

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
