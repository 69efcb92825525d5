import type { RepoInfo } from '@imad/contracts';
import type { ClaimResult, WorkspaceRecord, WorkspaceRegistry } from '../workspace/workspace-registry';
import type { GitHost, ProvisionTarget, RepoRef } from './githost.port';
import { RepoService } from './repo.service';

/** The same rules as the Redis registry, in memory. */
class MemoryRegistry implements WorkspaceRegistry {
  readonly users = new Map<string, WorkspaceRecord>();
  readonly apps = new Map<string, string>();
  async get(userId: string) {
    return this.users.get(userId);
  }
  async claim(record: WorkspaceRecord): Promise<ClaimResult> {
    const existing = this.users.get(record.userId);
    if (existing) return { outcome: 'existing', record: existing };
    const owner = this.apps.get(record.appName);
    if (owner && owner !== record.userId) return { outcome: 'taken', owner };
    this.apps.set(record.appName, record.userId);
    this.users.set(record.userId, record);
    return { outcome: 'claimed', record };
  }
  async markReady(record: WorkspaceRecord & { fullName: string; defaultBranch: string }) {
    const ready = { ...record, state: 'ready' as const };
    this.users.set(record.userId, ready);
    return ready;
  }
}

const head = 'a'.repeat(40);
function fakeHost(fail?: Error) {
  const calls: { op: string; repo?: RepoRef; target?: ProvisionTarget }[] = [];
  const info = (appName: string): RepoInfo => ({ host: 'local', appName, fullName: appName, defaultBranch: 'main', head, cloneUrl: `http://x/git/${appName}.git` });
  const host: GitHost = {
    kind: 'local',
    provision: async (target) => {
      calls.push({ op: 'provision', target });
      if (fail) throw fail;
      return info(target.appName);
    },
    info: async (repo) => (calls.push({ op: 'info', repo }), info(repo.appName)),
    tree: async (repo) => (calls.push({ op: 'tree', repo }), { head, entries: [] }),
    read: async () => {
      throw new Error('unused');
    },
    commit: async (repo) => (calls.push({ op: 'commit', repo }), { commit: head, parent: head }),
    history: async () => [],
    diff: async () => ({ diff: '', truncated: false }),
    revert: async () => ({ commit: head, parent: head }),
  };
  return { host, calls };
}

const limits = { maxFileBytes: 10, maxFilesPerCommit: 2 };
const ada = { userId: 'u_ada00001', login: 'ada', appName: 'ada-app' };

describe('RepoService', () => {
  it('provisions once per user and answers later calls with the workspace it recorded', async () => {
    const registry = new MemoryRegistry();
    const { host, calls } = fakeHost();
    const service = new RepoService(host, registry, limits);
    await service.provision(ada);
    // Asking again with another app name gives the same workspace: one per user.
    expect((await service.provision({ ...ada, appName: 'other-name' })).appName).toBe('ada-app');
    expect(calls.map((c) => c.target?.appName)).toEqual(['ada-app', 'ada-app']);
    expect(registry.users.get(ada.userId)).toMatchObject({ state: 'ready', fullName: 'ada-app', defaultBranch: 'main' });
    await service.tree(ada.userId);
    expect(calls.at(-1)).toMatchObject({ op: 'tree', repo: { userId: ada.userId, appName: 'ada-app', fullName: 'ada-app' } });
  });

  it('refuses an app name that belongs to someone else without touching the host', async () => {
    const registry = new MemoryRegistry();
    const { host, calls } = fakeHost();
    const service = new RepoService(host, registry, limits);
    await service.provision(ada);
    await expect(service.provision({ userId: 'u_bob00001', login: 'bob', appName: 'ada-app' })).rejects.toMatchObject({ code: 'REPO.FORBIDDEN' });
    expect(calls).toHaveLength(1);
  });

  it('keeps a failed provision resumable: NOT_READY until a retry finishes it', async () => {
    const registry = new MemoryRegistry();
    const failing = new RepoService(fakeHost(new Error('GitHub down')).host, registry, limits);
    await expect(failing.provision(ada)).rejects.toThrow('GitHub down');
    await expect(failing.tree(ada.userId)).rejects.toMatchObject({ code: 'REPO.NOT_READY' });
    const working = new RepoService(fakeHost().host, registry, limits);
    await working.provision(ada);
    await expect(working.tree(ada.userId)).resolves.toMatchObject({ head });
  });

  it('answers REPO.NOT_FOUND for a user without a workspace and checks input before the host sees it', async () => {
    const registry = new MemoryRegistry();
    const { host, calls } = fakeHost();
    const service = new RepoService(host, registry, limits);
    await expect(service.info('u_nobody01')).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await service.provision(ada);
    const before = calls.length;
    await expect(service.commit(ada.userId, { baseCommit: head, message: 'm', changes: [{ op: 'upsert', path: 'a', content: 'x'.repeat(11) }] })).rejects.toMatchObject({ code: 'REPO.TOO_LARGE' });
    await expect(service.read(ada.userId, '../x')).rejects.toMatchObject({ code: 'REPO.INVALID_PATH' });
    await expect(service.history(ada.userId, { path: '/abs', limit: 5 })).rejects.toMatchObject({ code: 'REPO.INVALID_PATH' });
    expect(calls.length).toBe(before);
  });
});
