import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { amqpUrl, eventually, redisUrl, repoRoot } from '@imad/testing';
import { GIT_SECRET } from './deployer';

export interface WorkerProcess {
  proc: ChildProcess;
  exited: Promise<number | null>;
  lines: string[];
}

/**
 * The deployer as its own OS process (`node tools/build/run-ts.js apps/deployer/src/main.ts`),
 * for tests that kill or signal a worker. Resolves once it takes deploy requests.
 */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const proc = spawn(process.execPath, [path.join(repoRoot, 'tools/build/run-ts.js'), path.join(repoRoot, 'apps/deployer/src/main.ts')], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AMQP_URL: amqpUrl(), REDIS_URL: redisUrl(), GIT_READ_SECRET: GIT_SECRET, HTTP_PORT: '0', APPS_ROUTER_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  await eventually(
    'the worker process to take deploy requests',
    () => {
      if (gone) throw new Error(`worker exited during start:\n${lines.slice(-20).join('\n')}`);
      return lines.some((l) => l.includes('deployer taking deploy requests'));
    },
    90_000,
  );
  return { proc, exited, lines };
}
