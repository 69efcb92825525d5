import { git } from './git';
import { batchCheck } from './objects';
import { initBareRepository } from './bare-repository';
import { casRef, commitTree, ZERO_ID, type Identity } from './ref-update';

/**
 * The student's repository starts as one commit of their own whose tree is the template's
 * (like GitHub's "generate from template"): their history begins with their workspace,
 * not with the course authors' edits. Safe to call again or concurrently: the first
 * finished repository stays, later calls return false and change nothing.
 */
export async function createFromTemplate(gitDir: string, tmpDir: string, templateGitDir: string, author: Identity): Promise<boolean> {
  return initBareRepository(gitDir, tmpDir, async (building) => {
    await git(['fetch', '--quiet', '--no-tags', templateGitDir, '+refs/heads/main:refs/imad/template'], { gitDir: building });
    const [templateTree] = await batchCheck(building, ['refs/imad/template^{tree}']);
    if (!templateTree) throw new Error(`template repository ${templateGitDir} has no main branch`);
    const commit = await commitTree(building, templateTree.id, [], 'Start from the course template', author);
    await casRef(building, 'refs/heads/main', commit, ZERO_ID, 'imad: provision');
    await git(['update-ref', '-d', 'refs/imad/template'], { gitDir: building });
  });
}
