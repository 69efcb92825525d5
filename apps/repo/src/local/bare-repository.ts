import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { git } from './git';

/**
 * Creates a bare repository at `gitDir` unless one is there. It is built under tmpDir and
 * renamed into place (atomic on one file system), so a concurrent creator or a crash never
 * leaves a half-made repository at the real path. `fill` runs on the temporary one.
 * Returns true if this call created it.
 */
export async function initBareRepository(gitDir: string, tmpDir: string, fill?: (tmpGitDir: string) => Promise<void>): Promise<boolean> {
  if (await exists(gitDir)) return false;
  await mkdir(path.dirname(gitDir), { recursive: true });
  await mkdir(tmpDir, { recursive: true });
  const building = await mkdtemp(path.join(tmpDir, `${path.basename(gitDir)}-`));
  try {
    await git(['init', '--quiet', '--bare', '--initial-branch=main', building]);
    // Reflogs make every branch move recoverable; nobody may rewrite history by pushing.
    await git(['config', 'core.logAllRefUpdates', 'always'], { gitDir: building });
    await git(['config', 'receive.denyNonFastForwards', 'true'], { gitDir: building });
    await fill?.(building);
    try {
      await rename(building, gitDir);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return false; // someone else finished first
      throw error;
    }
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

async function exists(gitDir: string): Promise<boolean> {
  return (await stat(path.join(gitDir, 'HEAD')).catch(() => undefined)) !== undefined;
}
