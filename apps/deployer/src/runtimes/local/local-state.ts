import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeployTarget } from '../../core/runtime.port';

/**
 * What the local runtime must remember across its own restarts, per app, in
 * `DATA_DIR/apps/<app>/state.json`: the revision that serves (re-launched on start) and
 * the one being rolled out (resumed on start), each with its checkout directory.
 */
export interface AppState {
  app: string;
  ready?: DeployTarget & { dir: string };
  pending?: DeployTarget & { dir: string };
}

export class LocalState {
  constructor(readonly appsDir: string) {}

  appDir(app: string): string {
    return path.join(this.appsDir, app);
  }

  checkoutDir(app: string, revision: number): string {
    return path.join(this.appDir(app), String(revision));
  }

  get npmCacheDir(): string {
    return path.join(this.appsDir, '.npm-cache');
  }

  async read(app: string): Promise<AppState> {
    try {
      return JSON.parse(await readFile(path.join(this.appDir(app), 'state.json'), 'utf8')) as AppState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { app };
      throw error;
    }
  }

  /** Written to a temp file and renamed: a crash mid-write leaves the old state intact. */
  async write(state: AppState): Promise<void> {
    const dir = this.appDir(state.app);
    await mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `state.json.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, path.join(dir, 'state.json'));
  }

  async remove(app: string): Promise<void> {
    await rm(this.appDir(app), { recursive: true, force: true });
  }

  async apps(): Promise<string[]> {
    const entries = await readdir(this.appsDir, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  }

  /** Deletes checkouts other than the ones still needed. */
  async prune(app: string, keep: number[]): Promise<void> {
    const entries = await readdir(this.appDir(app)).catch(() => [] as string[]);
    for (const e of entries) {
      if (/^\d+(\.tmp-.*)?$/.test(e) && !keep.includes(Number(e))) await rm(path.join(this.appDir(app), e), { recursive: true, force: true });
    }
  }
}
