import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '../config';
import { APP_CONFIG } from '../config.token';
import { RATE_LIMITER, type RateLimiter } from './rate-limiter';
import { rateLimited } from './rate-limited.error';

/** Saves and reverts share one per-student budget (each is a commit on the student's repo). */
@Injectable()
export class SaveBudget {
  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: Pick<RateLimiter, 'take'>,
    @Inject(APP_CONFIG) private readonly config: Pick<Config, 'SAVE_RATE_PER_MINUTE'>,
  ) {}

  async spend(userId: string): Promise<void> {
    const decision = await this.limiter.take('save', userId);
    if (!decision.allowed) throw rateLimited('save', decision, this.config.SAVE_RATE_PER_MINUTE);
  }
}
