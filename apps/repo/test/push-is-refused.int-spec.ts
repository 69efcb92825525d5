import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RepoInfoRpc, RepoProvision } from '@imad/contracts';
import { appGitCredential } from '@imad/git-credentials';
import { gitCli, gitFails } from './support/git-cli';
import { GIT_READ_SECRET, newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('pushing over git smart HTTP', () => {
  let repo: RunningRepo;
  let work: string;
  beforeAll(async () => {
    repo = await startRepo();
    work = await mkdtemp(path.join(tmpdir(), 'repo-push-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    await repo.close();
  });

  it('is refused with 403 even with the app’s valid credential, and the branch stays put', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    const { username, password } = appGitCredential(GIT_READ_SECRET, student.appName);
    const url = new URL(`${repo.url}/git/${student.appName}.git`);
    url.username = username;
    url.password = password;
    const dir = path.join(work, 'clone');
    await gitCli(['clone', '--quiet', url.toString(), dir]);
    await writeFile(path.join(dir, 'server.js'), 'pushed');
    await gitCli(['-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '--quiet', '-am', 'sneaky'], dir);

    expect(await gitFails(['push', 'origin', 'HEAD:main'], dir)).toMatch(/403/);
    expect((await repo.call(RepoInfoRpc, { userId: student.userId })).head).toBe(head);

    const auth = { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
    const advert = await fetch(`${repo.url}/git/${student.appName}.git/info/refs?service=git-receive-pack`, { headers: auth });
    expect(advert.status).toBe(403);
    const post = await fetch(`${repo.url}/git/${student.appName}.git/git-receive-pack`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-git-receive-pack-request' },
      body: '0000',
    });
    expect(post.status).toBe(403);
    expect((await gitCli(['--git-dir', `${repo.dataDir}/repos/${student.appName}.git`, 'rev-parse', 'main'])).stdout.trim()).toBe(head);
  });
});
