import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RepoCommit, RepoInfoRpc, RepoProvision } from '@imad/contracts';
import { appGitCredential } from '@imad/git-credentials';
import { gitCli, gitFails } from './support/git-cli';
import { GIT_READ_SECRET, newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('cloning over git smart HTTP', () => {
  let repo: RunningRepo;
  let work: string;
  beforeAll(async () => {
    repo = await startRepo();
    work = await mkdtemp(path.join(tmpdir(), 'repo-clone-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    await repo.close();
  });

  const urlFor = (app: string, user?: string, password?: string) => {
    const url = new URL(`${repo.url}/git/${app}.git`);
    if (user) url.username = user;
    if (password) url.password = password;
    return url.toString();
  };

  it('clones and fetches an exact commit with the app’s own credential', async () => {
    const student = newStudent();
    const { head: c0 } = await repo.call(RepoProvision, student);
    const c1 = (await repo.call(RepoCommit, { userId: student.userId, baseCommit: c0, message: 'v2', changes: [{ op: 'upsert', path: 'server.js', content: 'v2' }] })).commit;
    const { username, password } = appGitCredential(GIT_READ_SECRET, student.appName);

    const dir = path.join(work, student.appName);
    await gitCli(['clone', '--quiet', urlFor(student.appName, username, password), dir]);
    expect((await gitCli(['rev-parse', 'HEAD'], dir)).stdout.trim()).toBe(c1);
    expect((await repo.call(RepoInfoRpc, { userId: student.userId })).head).toBe(c1);
    expect(await readFile(path.join(dir, 'server.js'), 'utf8')).toBe('v2');

    // What a runtime does: an empty repository, one shallow fetch of the exact commit to deploy.
    const exact = path.join(work, `${student.appName}-exact`);
    await gitCli(['init', '--quiet', exact]);
    await gitCli(['fetch', '--quiet', '--depth=1', urlFor(student.appName, username, password), c0], exact);
    await gitCli(['checkout', '--quiet', 'FETCH_HEAD'], exact);
    expect(await readFile(path.join(exact, 'server.js'), 'utf8')).toMatch(/createServer/);
  });

  it('refuses a missing or wrong password with 401 and another app’s credential with 403', async () => {
    const student = newStudent();
    const other = newStudent();
    await repo.call(RepoProvision, student);
    await repo.call(RepoProvision, other);
    const mine = appGitCredential(GIT_READ_SECRET, student.appName);
    const theirs = appGitCredential(GIT_READ_SECRET, other.appName);

    expect(await gitFails(['ls-remote', urlFor(student.appName)])).toMatch(/could not read Username|Authentication failed|401/);
    expect(await gitFails(['ls-remote', urlFor(student.appName, student.appName, 'wrong')])).toMatch(/Authentication failed/);
    expect(await gitFails(['ls-remote', urlFor(student.appName, student.appName, theirs.password)])).toMatch(/Authentication failed/);
    expect(await gitFails(['ls-remote', urlFor(student.appName, other.appName, theirs.password)])).toMatch(/403/);

    const refs = `${repo.url}/git/${student.appName}.git/info/refs?service=git-upload-pack`;
    const basic = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });
    const anonymous = await fetch(refs);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="imad git"/);
    expect((await fetch(refs, { headers: basic(other.appName, theirs.password) })).status).toBe(403);
    const ok = await fetch(refs, { headers: basic(mine.username, mine.password) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
  });

  it('answers 404 for a repository that does not exist and for dumb-protocol paths of one that does', async () => {
    const ghost = appGitCredential(GIT_READ_SECRET, 'no-such-app');
    const ghostAuth = { authorization: `Basic ${Buffer.from(`no-such-app:${ghost.password}`).toString('base64')}` };
    expect((await fetch(`${repo.url}/git/no-such-app.git/info/refs?service=git-upload-pack`, { headers: ghostAuth })).status).toBe(404);
    const student = newStudent();
    await repo.call(RepoProvision, student);
    const { username, password } = appGitCredential(GIT_READ_SECRET, student.appName);
    const auth = { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
    expect((await fetch(`${repo.url}/git/${student.appName}.git/info/refs?service=git-upload-pack`, { headers: auth })).status).toBe(200);
    for (const dumb of ['HEAD', 'objects/info/packs', 'config', 'info/refs']) {
      expect((await fetch(`${repo.url}/git/${student.appName}.git/${dumb}`, { headers: auth })).status).toBeGreaterThanOrEqual(403);
    }
  });
});
