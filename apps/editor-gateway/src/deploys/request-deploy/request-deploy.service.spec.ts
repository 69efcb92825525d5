import { AppError, RepoDiff, RepoHistory, RepoInfoRpc, type DeployStatus, type RpcContract } from '@imad/contracts';
import { GatewayError } from '../../http/gateway-error';
import { RequestDeployService, sameDeployInFlight } from './request-deploy.service';

const head = 'a'.repeat(40);
const older = 'b'.repeat(40);
const student = { userId: 'u_alice0001', login: 'alice', appName: 'alice' };
const queued = (commit: string): DeployStatus => ({ deployId: 'd_inflight01', app: 'alice', revision: 3, commit, phase: 'queued', action: 'deploy', at: '2026-01-01T00:00:00.000Z' });

function setup(opts: { current?: DeployStatus; history?: string[]; diffFinds?: boolean; allowed?: boolean } = {}) {
  const rpc = {
    call: async (contract: RpcContract) => {
      if (contract === RepoInfoRpc) return { head, cloneUrl: 'http://git/alice.git' };
      if (contract === RepoHistory) return { commits: (opts.history ?? [head]).map((id) => ({ id })) };
      if (contract === RepoDiff) {
        if (opts.diffFinds) return { diff: '' };
        throw new AppError('REPO.NOT_FOUND', 'no such commit');
      }
      throw new Error(`unexpected ${contract.method}`);
    },
  };
  const enqueued: Record<string, unknown>[] = [];
  const service = new RequestDeployService(
    rpc as never,
    { current: async () => opts.current } as never,
    { take: async () => ({ allowed: opts.allowed ?? true, retryAfterSeconds: 17 }) },
    { enqueue: async (_s: unknown, target: Record<string, unknown>) => (enqueued.push(target), { deployId: 'd_new000001', revision: 4, status: queued(head) }) } as never,
    { run: (_u: string, fn: () => Promise<unknown>) => fn() } as never,
    { DEPLOY_RATE_PER_MINUTE: 6 },
  );
  return { service, enqueued };
}

describe('RequestDeployService', () => {
  it('deploys HEAD when no commit is given', async () => {
    const { service, enqueued } = setup();
    await service.deploy(student);
    expect(enqueued).toEqual([{ action: 'deploy', commit: head, cloneUrl: 'http://git/alice.git' }]);
  });

  it('coalesces onto a deploy of the same commit still in flight, queueing nothing', async () => {
    const { service, enqueued } = setup({ current: queued(head), allowed: false });
    expect(await service.deploy(student)).toMatchObject({ deployId: 'd_inflight01', coalesced: true });
    expect(enqueued).toEqual([]);
  });

  it('answers 429 with Retry-After when the budget is spent', async () => {
    const { service } = setup({ allowed: false });
    const error = (await service.deploy(student).catch((e: unknown) => e)) as GatewayError;
    expect(error).toMatchObject({ status: 429, code: 'DEPLOY.RATE_LIMITED', headers: { 'Retry-After': '17' } });
  });

  it('accepts an earlier commit found in the history', async () => {
    const { service, enqueued } = setup({ history: [head, older] });
    await service.deploy(student, older);
    expect(enqueued[0]).toMatchObject({ commit: older });
  });

  it('refuses a commit that is not in the student history (404 naming commit)', async () => {
    const { service } = setup({ history: [head] });
    const error = (await service.deploy(student, older).catch((e: unknown) => e)) as GatewayError;
    expect(error).toMatchObject({ status: 404, code: 'DEPLOY.COMMIT_NOT_FOUND', field: 'commit' });
  });

  it('looks past the newest 200 commits by asking the repo whether the commit exists there', async () => {
    const full = Array.from({ length: 200 }, (_, i) => i.toString(16).padStart(40, '0'));
    const { service, enqueued } = setup({ history: full, diffFinds: true });
    await service.deploy(student, older);
    expect(enqueued[0]).toMatchObject({ commit: older });
  });
});

describe('sameDeployInFlight', () => {
  it('is the current deploy only while it is unfinished and of the same commit', () => {
    expect(sameDeployInFlight(queued(head), head)).toBeDefined();
    expect(sameDeployInFlight(queued(head), older)).toBeUndefined();
    expect(sameDeployInFlight({ ...queued(head), phase: 'ready' }, head)).toBeUndefined();
    expect(sameDeployInFlight({ ...queued(head), action: 'undeploy' }, head)).toBeUndefined();
    expect(sameDeployInFlight(undefined, head)).toBeUndefined();
  });
});
