import { Inject, Injectable } from '@nestjs/common';
import { RepoRevert, type ResponseOf } from '@imad/contracts';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import type { Student } from '../../ports/session.port';
import { SaveBudget } from '../../rate-limit/save-budget';
import { RPC_TIMEOUT_MS } from '../rpc-timeouts';
import type { RevertBody } from './revert.schema';

/** A revert is a save (a new commit), so it spends from the same budget. */
@Injectable()
export class RevertService {
  constructor(
    @Inject(RPC_CLIENT) private readonly repo: RpcPort,
    @Inject(SaveBudget) private readonly budget: SaveBudget,
  ) {}

  async revert(student: Student, body: RevertBody): Promise<ResponseOf<typeof RepoRevert>> {
    await this.budget.spend(student.userId);
    return this.repo.call(RepoRevert, { userId: student.userId, ...body }, { timeoutMs: RPC_TIMEOUT_MS.write });
  }
}
