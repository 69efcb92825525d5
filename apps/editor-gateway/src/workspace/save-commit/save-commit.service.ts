import { Inject, Injectable } from '@nestjs/common';
import { RepoCommit, type ResponseOf } from '@imad/contracts';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import type { Student } from '../../ports/session.port';
import { SaveBudget } from '../../rate-limit/save-budget';
import { RPC_TIMEOUT_MS } from '../rpc-timeouts';
import type { SaveCommitBody } from './save-commit.schema';

/** A save is one commit of all changed files; REPO.CONFLICT (409) comes back with both sides' blob ids. */
@Injectable()
export class SaveCommitService {
  constructor(
    @Inject(RPC_CLIENT) private readonly repo: RpcPort,
    @Inject(SaveBudget) private readonly budget: SaveBudget,
  ) {}

  async save(student: Student, body: SaveCommitBody): Promise<ResponseOf<typeof RepoCommit>> {
    await this.budget.spend(student.userId);
    return this.repo.call(RepoCommit, { userId: student.userId, ...body }, { timeoutMs: RPC_TIMEOUT_MS.write });
  }
}
