import { AppError, type FailureReason } from '@imad/contracts';

const CODES: Record<FailureReason, string> = {
  'crash-loop': 'DEPLOY.CRASH_LOOP',
  'probe-failing': 'DEPLOY.PROBE_FAILING',
  'image-pull': 'DEPLOY.IMAGE_PULL',
  invalid: 'DEPLOY.INVALID',
  timeout: 'DEPLOY.TIMEOUT',
  internal: 'DEPLOY.INTERNAL',
};

/**
 * A deploy that cannot succeed as asked (bad commit, the API server refused the objects,
 * the clone failed): it ends as `failed(reason)` with `message`, and the request is acked.
 * Anything else thrown by a runtime is treated as transient and retried.
 */
export class DeployFailure extends AppError {
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly logTail?: string[],
    options?: { cause?: unknown },
  ) {
    super(CODES[reason], message, { reason }, options);
    this.name = 'DeployFailure';
  }
}

export const isDeployFailure = (error: unknown): error is DeployFailure => error instanceof DeployFailure;
