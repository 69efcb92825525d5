import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { isAppError, RepoCommit, RepoDiff, RepoHistory, RepoInfoRpc, RepoProvision, RepoRead, RepoRevert, RepoTree, type RpcContract, type RequestOf, type ResponseOf } from '@imad/contracts';
import { RpcServer } from '@imad/messaging';
import { LOGGER, type Logger } from '@imad/observability';
import { Registry } from 'prom-client';
import { ProvisionWorkspace } from '../core/provision-workspace';
import { RepoService } from '../core/repo.service';
import { RepoMetrics } from './repo-metrics';

/**
 * RabbitMQ RPC (`rpc.<method>` queues): map each request to the service, nothing else.
 * Error policy (RpcServer): an AppError (REPO.*) goes back to the caller with its code and
 * details; anything else is logged and answered RPC.INTERNAL. RPCs are not retried; the
 * caller's timeout decides (repo.provision on GitHub may need 30 s or more).
 * Every answer is logged (JSON, with the message id from the messaging layer's context).
 */
@Injectable()
export class RepoRpcHandlers implements OnModuleInit {
  private readonly metrics: RepoMetrics;

  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(RepoService) private readonly service: RepoService,
    @Inject(ProvisionWorkspace) private readonly provisioner: ProvisionWorkspace,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(Registry) registry: Registry,
  ) {
    this.metrics = new RepoMetrics(registry);
  }

  async onModuleInit(): Promise<void> {
    const s = this.service;
    await this.serve(RepoProvision, (r) => this.provisioner.run({ userId: r.userId, login: r.login, appName: r.appName }));
    await this.serve(RepoInfoRpc, (r) => s.info(r.userId));
    await this.serve(RepoTree, (r) => s.tree(r.userId));
    await this.serve(RepoRead, (r) => s.read(r.userId, r.path, r.commit));
    await this.serve(RepoCommit, (r) => s.commit(r.userId, r));
    await this.serve(RepoHistory, async (r) => ({ commits: await s.history(r.userId, { path: r.path, limit: r.limit ?? 50 }) }));
    await this.serve(RepoDiff, (r) => s.diff(r.userId, r));
    await this.serve(RepoRevert, (r) => s.revert(r.userId, r));
  }

  private serve<C extends RpcContract>(contract: C, handler: (request: RequestOf<C>) => Promise<ResponseOf<C>>): Promise<void> {
    const method = contract.method;
    return this.rpc.serve(contract, async (request) => {
      const started = performance.now();
      try {
        const result = await handler(request);
        const ms = performance.now() - started;
        this.metrics.observe(method, ms / 1000);
        const commit = (result as { commit?: string }).commit;
        this.logger[commit ? 'info' : 'debug']({ method, ms: Math.round(ms), ...(commit ? { commit } : {}) }, `${method} answered`);
        return result;
      } catch (error) {
        const code = isAppError(error) ? error.code : 'INTERNAL';
        this.metrics.observe(method, (performance.now() - started) / 1000, code);
        // Expected refusals are information; RpcServer logs unexpected errors itself.
        if (isAppError(error)) this.logger.info({ method, code, details: error.details }, `${method} refused: ${error.message}`);
        throw error;
      }
    });
  }
}
