import type { ErrorBody, MessageContract, RpcContract } from '@imad/contracts';

/** The reply body of an RPC: the result, or the AppError the server raised. */
export type RpcReply = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/** An RPC request travels in the standard envelope: type = method, v = contract version. */
export function requestContract(rpc: RpcContract): MessageContract {
  return { type: rpc.method, version: rpc.version, payload: rpc.request };
}

export const RPC_REPLY_TO = 'amq.rabbitmq.reply-to';

export function encodeReply(reply: RpcReply): Buffer {
  return Buffer.from(JSON.stringify(reply));
}

/** Parses a reply body; a malformed one becomes an RPC.BAD_RESPONSE error body. */
export function decodeReply(raw: Buffer, method: string): RpcReply {
  try {
    const value = JSON.parse(raw.toString('utf8')) as RpcReply;
    if (value && value.ok === true && 'result' in value) return value;
    if (value && value.ok === false && typeof value.error?.code === 'string' && typeof value.error.message === 'string') return value;
  } catch {
    // fall through
  }
  return { ok: false, error: { code: 'RPC.BAD_RESPONSE', message: `${method} sent a reply that is not a valid RPC reply` } };
}
