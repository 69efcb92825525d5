import { AppError, DeployLogs } from '@imad/contracts';
import type { RpcServer } from '@imad/messaging';
import type { Runtime } from '../core/runtime.port';

/**
 * RPC `deployer.logs {app, tail}` → `{ lines }`: the app's last output straight from the
 * runtime, for when the Redis tail (imad:app:<app>:logtail) is not enough. Errors:
 * DEPLOY.LOGS_UNAVAILABLE when the runtime cannot read them now.
 */
export class DeployLogsRpc {
  constructor(
    private readonly rpc: RpcServer,
    private readonly runtime: Runtime,
  ) {}

  start(): Promise<void> {
    return this.rpc.serve(DeployLogs, async ({ app, tail }) => {
      try {
        return { lines: await this.runtime.logs(app, tail) };
      } catch (error) {
        throw new AppError('DEPLOY.LOGS_UNAVAILABLE', `the logs of ${app} cannot be read right now: ${(error as Error).message}`, { app }, { cause: error });
      }
    });
  }
}
