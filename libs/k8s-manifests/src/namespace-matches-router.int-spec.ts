// The chart's nginx router finds an app's namespace with `split_clients`; the deployer
// places it with namespaceFor. Both must agree for every app, or the app is unreachable.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { namespaceFor } from './names';

const SHARD_COUNTS = [2, 3, 4, 7];
const shards = (n: number) => Array.from({ length: n }, (_, i) => `apps-${i}`);
// The same share lines the chart renders: equal hundredths of a percent, "*" for the last.
const splitBlock = (n: number) => {
  const share = Math.floor(10000 / n);
  const lines = shards(n).map((ns, i) => (i < n - 1 ? `${Math.floor(share / 100)}.${String(share % 100).padStart(2, '0')}% ${ns};` : `* ${ns};`));
  return `split_clients "$arg_app" $ns${n} { ${lines.join(' ')} }`;
};

let dir: string;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'imad-nginx-'));
  port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {}
     http { access_log off; ${temp} ${SHARD_COUNTS.map(splitBlock).join('\n')}
       server { listen 127.0.0.1:${port}; location / { default_type text/plain; return 200 "${SHARD_COUNTS.map((n) => `$ns${n}`).join(' ')}"; } } }`,
  );
  await run('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')]);
});

afterAll(async () => {
  const pid = Number(await readFile(path.join(dir, 'nginx.pid'), 'utf8').catch(() => '0'));
  if (pid > 0) process.kill(pid, 'SIGQUIT');
  await rm(dir, { recursive: true, force: true });
});

describe('namespaceFor', () => {
  it("puts 300 apps in exactly the namespace nginx's split_clients routes them to", async () => {
    const apps = ['a', 'ab', 'abc', 'abcd', 'alice', '1337', ...Array.from({ length: 294 }, (_, i) => `student-${i * 7919}`)];
    const mismatches: string[] = [];
    for (const app of apps) {
      const answer = await (await fetch(`http://127.0.0.1:${port}/?app=${app}`)).text();
      const ours = SHARD_COUNTS.map((n) => namespaceFor(app, shards(n))).join(' ');
      if (answer !== ours) mismatches.push(`${app}: nginx ${answer}, deployer ${ours}`);
    }
    expect(mismatches).toEqual([]);
  });
});

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
