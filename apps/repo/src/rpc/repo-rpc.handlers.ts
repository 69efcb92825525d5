import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RepoCommit, RepoDiff, RepoHistory, RepoInfoRpc, RepoProvision, RepoRead, RepoRevert, RepoTree } from '@imad/contracts';
import { RpcServer } from '@imad/messaging';
import { ProvisionWorkspace } from '../core/provision-workspace';
import { RepoService } from '../core/repo.service';

/**
 * RabbitMQ RPC (`rpc.<method>` queues): map each request to the service, nothing else.
 * Error policy (RpcServer): an AppError (REPO.*) goes back to the caller with its code and
 * details; anything else is logged here and answered RPC.INTERNAL. RPCs are not retried;
 * the caller's timeout decides (repo.provision on GitHub may need a long one).
 */
@Injectable()
export class RepoRpcHandlers implements OnModuleInit {
  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(RepoService) private readonly service: RepoService,
    @Inject(ProvisionWorkspace) private readonly provisioner: ProvisionWorkspace,
  ) {}

  async onModuleInit(): Promise<void> {
    const s = this.service;
    await this.rpc.serve(RepoProvision, (r) => this.provisioner.run({ userId: r.userId, login: r.login, appName: r.appName }));
    await this.rpc.serve(RepoInfoRpc, (r) => s.info(r.userId));
    await this.rpc.serve(RepoTree, (r) => s.tree(r.userId));
    await this.rpc.serve(RepoRead, (r) => s.read(r.userId, r.path, r.commit));
    await this.rpc.serve(RepoCommit, (r) => s.commit(r.userId, r));
    await this.rpc.serve(RepoHistory, async (r) => ({ commits: await s.history(r.userId, { path: r.path, limit: r.limit ?? 50 }) }));
    await this.rpc.serve(RepoDiff, (r) => s.diff(r.userId, r));
    await this.rpc.serve(RepoRevert, (r) => s.revert(r.userId, r));
  }
}
