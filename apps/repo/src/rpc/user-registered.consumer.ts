import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { isAppError, RepoErrorCodes, UserRegistered } from '@imad/contracts';
import { ConsumerHost, DeadLetterError } from '@imad/messaging';
import { ProvisionWorkspace } from '../core/provision-workspace';

export const USER_REGISTERED_QUEUE = 'repo.user-registered';

/** Failures a retry cannot fix: the message goes to the DLQ at once, with the reason. */
const PERMANENT: string[] = [RepoErrorCodes.forbidden, RepoErrorCodes.invalidPath, RepoErrorCodes.githubUnauthorized, RepoErrorCodes.githubRejected];

/**
 * `user.registered` (from auth) → provision the student's workspace.
 * Queue `repo.user-registered` (quorum, bound to imad.events / user.registered).
 * Error policy: resolves → ack; permanent AppError → DLQ now (DeadLetterError with the
 * code); anything else (GitHub down, Redis blip) → retried with back-off, 5 attempts, then DLQ.
 * A redelivered message is harmless: provisioning is idempotent.
 */
@Injectable()
export class UserRegisteredConsumer implements OnModuleInit {
  constructor(
    @Inject(ConsumerHost) private readonly consumers: ConsumerHost,
    @Inject(ProvisionWorkspace) private readonly provisioner: ProvisionWorkspace,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.subscribeEvent({
      queue: USER_REGISTERED_QUEUE,
      contract: UserRegistered,
      maxAttempts: 5,
      backoffMs: 2000,
      handler: async (user, envelope) => {
        try {
          await this.provisioner.run({ userId: user.userId, login: user.login, appName: user.appName }, envelope.id);
        } catch (error) {
          if (isAppError(error) && PERMANENT.includes(error.code)) throw new DeadLetterError(`${error.code}: ${error.message}`, { cause: error });
          throw error;
        }
      },
    });
  }
}
