import path from 'node:path';

const APP = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * Where the local GitHost keeps things under DATA_DIR:
 * `repos/<app>.git` (students), `templates/<name>.git` (imported course template),
 * `tmp/` (half-built repositories and temporary indexes; same file system, so a finished
 * repository moves into place with one atomic rename).
 */
export class LocalLayout {
  constructor(readonly dataDir: string) {}

  get reposDir(): string {
    return path.join(this.dataDir, 'repos');
  }

  get tmpDir(): string {
    return path.join(this.dataDir, 'tmp');
  }

  templateGitDir(name: string): string {
    return path.join(this.dataDir, 'templates', `${name}.git`);
  }

  /** The app name is re-checked here because it becomes a directory name. */
  gitDir(app: string): string {
    if (!APP.test(app)) throw new Error(`refusing repository path for invalid app name ${JSON.stringify(app)}`);
    return path.join(this.reposDir, `${app}.git`);
  }
}
