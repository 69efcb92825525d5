import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { DeployFailure } from '../../core/deploy-failure';

/** True when package.json declares runtime dependencies (the course template has none). */
export async function needsInstall(dir: string): Promise<boolean> {
  const pkg = await readPackageJson(dir);
  return Object.keys(pkg?.dependencies ?? {}).length > 0;
}

export async function readPackageJson(dir: string): Promise<{ dependencies?: Record<string, string>; scripts?: Record<string, string>; main?: string } | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DeployFailure('invalid', `package.json is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Installs dependencies once per distinct package.json (+ lock file): the result is kept
 * in `cacheRoot/<hash>/node_modules` and linked into each checkout, so redeploying
 * without touching package.json costs nothing, and identical template copies share it.
 * Scripts are not run (`--ignore-scripts`): install hooks would run students' code with
 * the deployer's rights.
 */
export async function installDependencies(dir: string, cacheRoot: string, onLine: (line: string) => void): Promise<'none' | 'cached' | 'installed'> {
  if (!(await needsInstall(dir))) return 'none';
  const hash = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) hash.update(await readFile(path.join(dir, f)).catch(() => Buffer.alloc(0)));
  const cached = path.join(cacheRoot, hash.digest('hex').slice(0, 32));
  const hit = await exists(path.join(cached, 'node_modules'));
  if (!hit) {
    const work = `${cached}.tmp-${process.pid}-${Date.now()}`;
    await mkdir(work, { recursive: true });
    // The whole checkout (file: dependencies resolve relative to it), minus node_modules.
    await cp(dir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
    const lines = await npm(work, onLine);
    if (lines.code !== 0) {
      await rm(work, { recursive: true, force: true });
      throw new DeployFailure('crash-loop', `Installing your dependencies failed (npm exited with ${lines.code}). Check package.json.`, lines.tail);
    }
    await rename(work, cached).catch(async () => rm(work, { recursive: true, force: true })); // another install won the race
  }
  await rm(path.join(dir, 'node_modules'), { recursive: true, force: true });
  await symlink(path.join(cached, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return hit ? 'cached' : 'installed';
}

function npm(cwd: string, onLine: (line: string) => void): Promise<{ code: number; tail: string[] }> {
  return new Promise((resolve) => {
    const tail: string[] = [];
    const child = spawn('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--no-update-notifier'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, npm_config_cache: path.join(cwd, '.npm-cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        onLine(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (e) => resolve({ code: -1, tail: [...tail, e.message] }));
    child.on('close', (code) => resolve({ code: code ?? -1, tail }));
  });
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
