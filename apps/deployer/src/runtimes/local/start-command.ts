import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AppCommand } from './app-process';
import { readPackageJson } from './npm-install';
import { DeployFailure } from '../../core/deploy-failure';

/**
 * How an app starts, as on the cluster: `npm start` when package.json defines it, else
 * `node` on package.json's main or server.js (what `npm start` itself falls back to).
 */
export async function startCommand(dir: string): Promise<AppCommand> {
  const pkg = await readPackageJson(dir);
  if (pkg?.scripts?.start) return { command: 'npm', args: ['start', '--silent'] };
  for (const file of [pkg?.main, 'server.js', 'index.js'].filter((f): f is string => !!f)) {
    const ok = await access(path.join(dir, file)).then(
      () => true,
      () => false,
    );
    if (ok) return { command: process.execPath, args: [file] };
  }
  throw new DeployFailure('invalid', 'Nothing to start: add a "start" script to package.json, or a server.js file.');
}
