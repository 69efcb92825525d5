import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { initBareRepository } from './bare-repository';
import { gitText } from './git';
import { batchCheck } from './objects';
import { casRef, commitTree, RefMovedError, ZERO_ID } from './ref-update';

export const TEMPLATE_AUTHOR = { name: 'imad course template', email: 'template@imad.invalid' };

/**
 * Imports the course template directory (shipped in the project) into a bare repository
 * and returns its commit. Runs at every start and is idempotent: a new commit is made only
 * when the directory's content differs from what was imported before, so a course author
 * can update the template and restart. The directory's own .gitignore applies.
 */
export async function importTemplate(templateDir: string, gitDir: string, tmpDir: string): Promise<string> {
  const info = await stat(templateDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`TEMPLATE_DIR ${templateDir} is not a directory`);
  await mkdir(tmpDir, { recursive: true });
  await initBareRepository(gitDir, tmpDir);
  const work = await mkdtemp(path.join(tmpDir, 'template-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(work, 'index'), GIT_WORK_TREE: templateDir };
    await gitText(['add', '--all', '--', '.'], { gitDir, env });
    const tree = await gitText(['write-tree'], { gitDir, env });
    if (tree === EMPTY_TREE) throw new Error(`TEMPLATE_DIR ${templateDir} has no files`);
    // Two replicas starting together: one CAS wins, the other sees the same tree next time round.
    for (let attempt = 1; ; attempt++) {
      const [head, headTree] = await batchCheck(gitDir, ['refs/heads/main', 'refs/heads/main^{tree}']);
      if (head && headTree?.id === tree) return head.id;
      const commit = await commitTree(gitDir, tree, head ? [head.id] : [], `Course template from ${path.basename(templateDir)}`, TEMPLATE_AUTHOR);
      try {
        await casRef(gitDir, 'refs/heads/main', commit, head?.id ?? ZERO_ID, 'imad: import template');
        return commit;
      } catch (error) {
        if (!(error instanceof RefMovedError) || attempt >= 3) throw error;
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
