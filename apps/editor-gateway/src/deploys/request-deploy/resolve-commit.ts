import { AppError, RepoDiff, RepoHistory, RepoInfoRpc } from '@imad/contracts';
import { GatewayError } from '../../http/gateway-error';
import type { RpcPort } from '../../ports/rpc.port';
import { RPC_TIMEOUT_MS } from '../../workspace/rpc-timeouts';

/** How far back the history check looks before falling back to an existence check. */
const HISTORY_WINDOW = 200;

/**
 * The commit to deploy and where to clone it from. No commit = HEAD ("what the student
 * saw" is what they saved last). A given commit (a rollback) must be in the student's
 * own history: first the newest 200 commits; beyond that, an empty diff of the commit
 * with itself proves it exists in *their* repository (repo only ever looks there), which
 * is what keeps one student from deploying another's code.
 */
export async function resolveDeployCommit(rpc: RpcPort, userId: string, commit?: string): Promise<{ commit: string; cloneUrl: string }> {
  const info = await rpc.call(RepoInfoRpc, { userId }, { timeoutMs: RPC_TIMEOUT_MS.read });
  if (!commit || commit === info.head) return { commit: info.head, cloneUrl: info.cloneUrl };
  const { commits } = await rpc.call(RepoHistory, { userId, limit: HISTORY_WINDOW }, { timeoutMs: RPC_TIMEOUT_MS.read });
  if (commits.some((c) => c.id === commit)) return { commit, cloneUrl: info.cloneUrl };
  if (commits.length === HISTORY_WINDOW) {
    try {
      await rpc.call(RepoDiff, { userId, from: commit, to: commit }, { timeoutMs: RPC_TIMEOUT_MS.read });
      return { commit, cloneUrl: info.cloneUrl };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'REPO.NOT_FOUND')) throw error;
    }
  }
  throw new GatewayError(404, 'DEPLOY.COMMIT_NOT_FOUND', 'That commit is not in your workspace history; pick one from your history.', {
    field: 'commit',
  });
}
