import { Inject, Injectable } from '@nestjs/common';
import { DeployLogs, type AppLogLine } from '@imad/contracts';
import { LOGGER, type Logger } from '@imad/observability';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import { STATUS_STORE, type StatusPort } from '../../ports/status.port';

/**
 * The Redis tail first (cheap, shared with the live follow). When it is empty — the app
 * ran before its output reached Redis, or Redis was flushed — ask the deployer for the
 * runtime's own log, briefly; if that fails too, an empty list is the honest answer.
 */
@Injectable()
export class ReadLogsService {
  constructor(
    @Inject(STATUS_STORE) private readonly status: StatusPort,
    @Inject(RPC_CLIENT) private readonly rpc: RpcPort,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async tail(app: string, n: number): Promise<AppLogLine[]> {
    const lines = await this.status.logTail(app, n);
    if (lines.length > 0) return lines;
    if (!(await this.status.current(app))) return [];
    try {
      return (await this.rpc.call(DeployLogs, { app, tail: n }, { timeoutMs: 2_000 })).lines;
    } catch (error) {
      this.logger.info({ err: error }, 'runtime logs unavailable; answering the (empty) Redis tail');
      return [];
    }
  }
}
