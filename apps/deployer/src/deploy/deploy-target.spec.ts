import { DeployRequested, deployTargetProblem } from '@imad/contracts';

describe('deploy request validation', () => {
  it('accepts a valid app and full commit', () => {
    expect(deployTargetProblem({ app: 'alice-1', commit: 'a'.repeat(40), action: 'deploy' })).toBeUndefined();
    expect(deployTargetProblem({ app: 'alice-1', action: 'undeploy' })).toBeUndefined();
  });

  it('explains a bad app name or an abbreviated commit in a sentence', () => {
    expect(deployTargetProblem({ app: 'Alice_Smith', commit: 'a'.repeat(40), action: 'deploy' })).toMatch(/^app name "Alice_Smith" must be a DNS label/);
    expect(deployTargetProblem({ app: 'alice', commit: 'abc1234', action: 'deploy' })).toMatch(/^commit "abc1234" must be a full commit id/);
  });

  it('lets such a request through the envelope (so it can fail visibly) but not one with a key-unsafe app', () => {
    const base = { deployId: 'd_abcdefgh12', userId: 'u_testuser01', action: 'deploy', revision: 1, commit: 'abc', cloneUrl: 'http://x/a.git', requestedAt: new Date().toISOString() };
    expect(DeployRequested.payload.safeParse({ ...base, app: 'Alice_Smith' }).success).toBe(true);
    expect(DeployRequested.payload.safeParse({ ...base, app: 'a:b:c' }).success).toBe(false);
    expect(DeployRequested.payload.safeParse({ ...base, app: 'alice', cloneUrl: undefined }).success).toBe(false);
  });
});
