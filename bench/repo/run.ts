// Save latency of the local GitHost: a 3-file commit through the real RPC path (gateway-like
// client → RabbitMQ → repo service → git plumbing), beside a plain `git commit` of the same
// change in a working-tree repository (write the files, `git add`, `git commit`), in the same
// run and interleaved, so machine load hits both alike. Target: p50 and p99 at most 3x plain git.
//   npm run bench:repo -- [--iterations=200] [--warmup=20]
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { RepoCommit, RepoProvision } from '@imad/contracts';
import { AmqpConnection, RpcClient } from '@imad/messaging';
import { createLogger } from '@imad/observability';
import { amqpUrl, redisUrl, repoRoot } from '@imad/testing';
// The bench boots the repo service in this process (as its own integration tests do) to time the RPC path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createAppModule } from '../../apps/repo/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadServiceConfig } from '../../apps/repo/src/config';
import { summary, type Summary } from './stats';
import { benchVhost } from './vhost';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const iterations = Number(args.iterations ?? 200);
const warmup = Number(args.warmup ?? 20);
const run = promisify(execFile);
const gitEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
const FILES = ['server.js', 'README.md', 'public/style.css'];
const contentOf = (file: string, i: number) => `// ${file}, save ${i}\n${'x'.repeat(200 + (i % 50))}\n`;

const work = await mkdtemp(path.join(os.tmpdir(), 'bench-repo-'));
const vhost = await benchVhost(amqpUrl());
const logger = createLogger('repo', 'warn');
const config = loadServiceConfig({ AMQP_URL: vhost.url, REDIS_URL: redisUrl(), DATA_DIR: path.join(work, 'data'), GIT_READ_SECRET: 'bench-secret-bench-secret-bench-secret!' });
const app = await NestFactory.create(createAppModule(config, logger), { logger: false, abortOnError: false });
await app.init();
const connection = new AmqpConnection({ url: vhost.url, connectionName: 'bench-client', logger: createLogger('bench-client', 'warn') });
await connection.start();
const rpc = new RpcClient(connection);

try {
  const suffix = Date.now().toString(36);
  const student = { userId: `u_bench${suffix}`, login: 'bench', appName: `bench-${suffix}` };
  let base = (await rpc.call(RepoProvision, student, { timeoutMs: 30_000 })).head;

  // Baseline: the same template in a normal repository with a working tree.
  const plain = path.join(work, 'plain');
  await run('git', ['clone', '--quiet', path.join(config.DATA_DIR!, 'repos', `${student.appName}.git`), plain], { env: gitEnv });
  await mkdir(path.join(plain, 'public'), { recursive: true });
  const git = (...a: string[]) => run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...a], { cwd: plain, env: gitEnv });

  const viaRpc: number[] = [];
  const viaGit: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const t0 = performance.now();
    const saved = await rpc.call(RepoCommit, {
      userId: student.userId,
      baseCommit: base,
      message: `save ${i}`,
      changes: FILES.map((file) => ({ op: 'upsert' as const, path: file, content: contentOf(file, i) })),
    });
    const t1 = performance.now();
    base = saved.commit;

    const t2 = performance.now();
    await Promise.all(FILES.map((file) => writeFile(path.join(plain, file), contentOf(file, i))));
    await git('add', '--', ...FILES);
    await git('commit', '--quiet', '-m', `save ${i}`);
    const t3 = performance.now();
    if (i >= warmup) {
      viaRpc.push(t1 - t0);
      viaGit.push(t3 - t2);
    }
  }

  const rpcStats = summary(viaRpc);
  const gitStats = summary(viaGit);
  const result = {
    bench: 'repo',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, load: os.loadavg(), node: process.version },
    iterations,
    warmup,
    change: `${FILES.length} files upserted per save`,
    rpcSaveMs: rpcStats,
    plainGitCommitMs: gitStats,
    ratio: { p50: round(rpcStats.p50 / gitStats.p50), p99: round(rpcStats.p99 / gitStats.p99), mean: round(rpcStats.mean / gitStats.mean) },
    target: 'ratio p50 and p99 <= 3',
  };
  const out = path.join(repoRoot, 'bench/results', `repo-${result.at.replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(table(rpcStats, gitStats, result.ratio));
  console.log(`results: ${path.relative(repoRoot, out)}`);
  process.exitCode = result.ratio.p50 <= 3 && result.ratio.p99 <= 3 ? 0 : 1;
} finally {
  await connection.close();
  await app.close();
  await vhost.remove();
  await rm(work, { recursive: true, force: true });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function table(a: Summary, b: Summary, ratio: Record<string, number>): string {
  const row = (name: string, s: Summary) => `${name.padEnd(26)} ${[s.p50, s.p99, s.mean, s.min, s.max].map((v) => v.toFixed(1).padStart(8)).join(' ')}`;
  return [
    `${'3-file save (ms)'.padEnd(26)} ${['p50', 'p99', 'mean', 'min', 'max'].map((h) => h.padStart(8)).join(' ')}`,
    row('repo.commit via RPC', a),
    row('plain git add + commit', b),
    `ratio (RPC / plain git)    p50 ${ratio.p50}x   p99 ${ratio.p99}x   (target <= 3x)`,
  ].join('\n');
}


