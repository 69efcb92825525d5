import { AppError, formatIssues, type RpcContract } from '@imad/contracts';
import { decodeReply } from './rpc-wire';

interface Pending {
  contract: RpcContract;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Calls awaiting their reply, each with its own timeout; every call settles exactly once. */
export class PendingCalls {
  private readonly calls = new Map<string, Pending>();

  /** Registers a call; the promise rejects with RPC.TIMEOUT (naming the method) if no reply comes. */
  add(id: string, contract: RpcContract, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const { method } = contract;
      const timer = setTimeout(() => this.fail(id, new AppError('RPC.TIMEOUT',
        `${method} did not answer within ${timeoutMs} ms; the service that serves it may be down or overloaded`, { method, timeoutMs })), timeoutMs);
      this.calls.set(id, { contract, resolve, reject, timer });
    });
  }

  methodOf(id: string): string | undefined {
    return this.calls.get(id)?.contract.method;
  }

  /** A reply body: the remote AppError, RPC.BAD_RESPONSE, or the response checked against the contract. */
  reply(id: string, body: Buffer): void {
    const call = this.calls.get(id);
    if (!call) return; // late reply to a call that already timed out
    const { method, response } = call.contract;
    const reply = decodeReply(body, method);
    if (!reply.ok) return this.fail(id, AppError.fromJSON(reply.error));
    const parsed = response.safeParse(reply.result);
    if (!parsed.success) return this.fail(id, new AppError('RPC.BAD_RESPONSE', `${method} answered with an invalid response: ${formatIssues(parsed.error)}`, { method }));
    this.take(id)?.resolve(parsed.data);
  }

  fail(id: string, error: Error): void {
    this.take(id)?.reject(error);
  }

  /** Fails every call in flight, e.g. when their reply address died with the channel. */
  failAll(makeError: (method: string) => Error): void {
    for (const [id, call] of this.calls) this.fail(id, makeError(call.contract.method));
  }

  private take(id: string): Pending | undefined {
    const call = this.calls.get(id);
    if (!call) return undefined;
    this.calls.delete(id);
    clearTimeout(call.timer);
    return call;
  }
}
