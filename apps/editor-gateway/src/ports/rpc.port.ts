import type { RequestInputOf, ResponseOf, RpcContract } from '@imad/contracts';

/**
 * Calls to other services over RabbitMQ (`repo.*`, `deployer.logs`). The RPC contracts in @imad/contracts are the port; this
 * is only the shape of `RpcClient.call` so use cases can be unit-tested with a fake.
 * Remote failures arrive as AppError with the remote code (REPO.CONFLICT, RPC.TIMEOUT, …).
 */
export interface RpcPort {
  call<C extends RpcContract>(contract: C, request: RequestInputOf<C>, options?: { timeoutMs?: number }): Promise<ResponseOf<C>>;
}

export const RPC_CLIENT = Symbol('RPC_CLIENT');
