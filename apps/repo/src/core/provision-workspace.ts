import { RepoProvisioned, type RepoInfo } from '@imad/contracts';
import type { Publisher } from '@imad/messaging';
import type { Logger } from '@imad/observability';
import type { ProvisionTarget } from './githost.port';
import type { RepoService } from './repo.service';

/**
 * Provision, then announce `repo.provisioned` (every time, also when the workspace already
 * existed: the event says "this user's workspace exists", and consumers are idempotent).
 * Used by the RPC and by the `user.registered` consumer alike.
 */
export class ProvisionWorkspace {
  constructor(
    private readonly service: RepoService,
    private readonly publisher: Pick<Publisher, 'publishEvent'>,
    private readonly logger: Logger,
  ) {}

  async run(target: ProvisionTarget, correlationId?: string): Promise<RepoInfo> {
    const repo = await this.service.provision(target);
    await this.publisher.publishEvent(RepoProvisioned, { userId: target.userId, appName: repo.appName, repo }, correlationId ? { correlationId } : {});
    this.logger.info({ userId: target.userId, app: repo.appName, head: repo.head, host: repo.host }, 'workspace provisioned');
    return repo;
  }
}
