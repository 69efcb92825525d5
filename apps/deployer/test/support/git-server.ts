import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkAppGitCredential } from '@imad/git-credentials';

const run = promisify(execFile);

/**
 * A real git smart-HTTP server for tests, like the repo service's: `git http-backend`
 * behind Basic auth (user = app, password = HMAC of GIT_READ_SECRET), one bare repo per app.
 */
export class TestGitServer {
  private server: Server | undefined;
  private root = '';
  url = '';
  /** Requests seen, for tests that check the credential was used. */
  readonly requests: { app: string; status: number }[] = [];

  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    this.root = await mkdtemp(path.join(os.tmpdir(), 'imad-git-'));
    this.server = createServer((req, res) => {
      const m = /^\/git\/([^/]+)\.git(\/.*)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      if (!m) return void res.writeHead(404).end();
      const [, app, rest] = m as unknown as [string, string, string];
      const check = checkAppGitCredential(this.secret, app, req.headers.authorization);
      if (check !== 'ok') {
        const status = check === 'other-app' ? 403 : 401;
        this.requests.push({ app, status });
        return void res.writeHead(status, { 'www-authenticate': 'Basic realm="git"' }).end();
      }
      this.requests.push({ app, status: 200 });
      const cgi = spawn('git', ['http-backend'], {
        env: {
          PATH: process.env.PATH,
          GIT_PROJECT_ROOT: this.root,
          GIT_HTTP_EXPORT_ALL: '1',
          PATH_INFO: `/${app}.git${rest}`,
          REQUEST_METHOD: req.method,
          QUERY_STRING: new URL(req.url ?? '/', 'http://x').search.slice(1),
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
          REMOTE_USER: app,
          HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
        },
      });
      req.pipe(cgi.stdin);
      let head = Buffer.alloc(0);
      let headersDone = false;
      cgi.stdout.on('data', (chunk: Buffer) => {
        if (headersDone) return void res.write(chunk);
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        headersDone = true;
        let status = 200;
        for (const line of head.subarray(0, end).toString().split('\r\n')) {
          const [k, ...v] = line.split(':');
          if (k!.toLowerCase() === 'status') status = parseInt(v.join(':'), 10);
          else res.setHeader(k!, v.join(':').trim());
        }
        res.writeHead(status);
        res.write(head.subarray(end + 4));
      });
      cgi.on('close', () => res.end());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/git`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await rm(this.root, { recursive: true, force: true });
  }

  cloneUrl(app: string): string {
    return `${this.url}/${app}.git`;
  }

  /**
   * Commits files (a directory to copy, and/or name → content) to the app's repo and
   * returns the commit id. Each call adds a commit on top of the last.
   */
  async commit(app: string, files: { from?: string; files?: Record<string, string> }): Promise<string> {
    const bare = path.join(this.root, `${app}.git`);
    const work = await mkdtemp(path.join(os.tmpdir(), 'imad-work-'));
    const git = (...args: string[]) => run('git', args, { cwd: work, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    try {
      await run('git', ['init', '-q', '--bare', '-b', 'main', bare]).catch(() => undefined);
      await git('init', '-q', '-b', 'main');
      await git('fetch', '-q', bare, 'main').then(
        () => git('reset', '-q', '--hard', 'FETCH_HEAD'),
        () => undefined,
      );
      if (files.from) await cp(files.from, work, { recursive: true });
      for (const [name, content] of Object.entries(files.files ?? {})) {
        await run('mkdir', ['-p', path.dirname(path.join(work, name))]);
        await writeFile(path.join(work, name), content);
      }
      await git('add', '-A');
      await git('commit', '-q', '--allow-empty', '-m', 'test commit');
      await git('push', '-q', bare, 'HEAD:main');
      return (await git('rev-parse', 'HEAD')).stdout.trim();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
