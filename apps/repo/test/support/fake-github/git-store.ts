import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { git, gitText } from '../../../src/local/git';

export interface Signature {
  name: string;
  email: string;
  date: string;
}

/**
 * The object store behind one fake GitHub repository: a real bare git repository, so blob,
 * tree and commit ids are exactly what GitHub (which is git) would answer.
 */
export class FakeRepoStore {
  constructor(readonly gitDir: string, private readonly tmp: string) {}

  static async create(root: string, name: string): Promise<FakeRepoStore> {
    const gitDir = path.join(root, `${name.replace('/', '__')}.git`);
    await git(['init', '--quiet', '--bare', '--initial-branch=main', gitDir]);
    return new FakeRepoStore(gitDir, root);
  }

  async head(branch: string): Promise<string | undefined> {
    const { stdout, code } = await git(['rev-parse', '--verify', '-q', `refs/heads/${branch}`], { gitDir: this.gitDir, okCodes: [1] });
    return code === 0 ? stdout.toString().trim() : undefined;
  }

  async setRef(branch: string, sha: string): Promise<void> {
    await git(['update-ref', `refs/heads/${branch}`, sha], { gitDir: this.gitDir });
  }

  async typeOf(sha: string): Promise<string | undefined> {
    const { stdout, code } = await git(['cat-file', '-t', sha], { gitDir: this.gitDir, okCodes: [1, 128] });
    return code === 0 ? stdout.toString().trim() : undefined;
  }

  async commit(sha: string): Promise<{ tree: string; parents: string[]; message: string; author: Signature; committer: Signature } | undefined> {
    if ((await this.typeOf(sha)) !== 'commit') return undefined;
    const out = await gitText(['log', '-1', '--format=%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B', sha], { gitDir: this.gitDir });
    const [tree, parents, an, ae, ad, cn, ce, cd, message] = out.split('\0');
    return { tree, parents: parents ? parents.split(' ') : [], message, author: { name: an, email: ae, date: ad }, committer: { name: cn, email: ce, date: cd } };
  }

  async entries(tree: string, recursive: boolean): Promise<{ path: string; mode: string; type: string; sha: string; size?: number }[]> {
    const out = (await git(['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), tree], { gitDir: this.gitDir })).stdout.toString('utf8');
    return out.split('\0').filter(Boolean).map((row) => {
      const tab = row.indexOf('\t');
      const [mode, type, sha, size] = row.slice(0, tab).split(/ +/);
      return { path: row.slice(tab + 1), mode, type, sha, ...(type === 'blob' ? { size: Number(size) } : {}) };
    });
  }

  async blob(sha: string): Promise<Buffer | undefined> {
    if ((await this.typeOf(sha)) !== 'blob') return undefined;
    return (await git(['cat-file', 'blob', sha], { gitDir: this.gitDir })).stdout;
  }

  async writeBlob(content: Buffer): Promise<string> {
    return gitText(['hash-object', '-w', '--stdin'], { gitDir: this.gitDir, input: content });
  }

  /** GitHub's create-tree: entries on top of base_tree; `sha: null` deletes, `content` creates a blob. */
  async createTree(baseTree: string | undefined, entries: { path: string; mode: string; sha?: string | null; content?: string }[]): Promise<string> {
    const work = await mkdtemp(path.join(this.tmp, 'tree-'));
    const env = { GIT_INDEX_FILE: path.join(work, 'index') };
    try {
      if (baseTree) await git(['read-tree', baseTree], { gitDir: this.gitDir, env });
      const lines: string[] = [];
      for (const e of entries) {
        if (e.sha === null) lines.push(`0 ${'0'.repeat(40)}\t${e.path}`);
        else lines.push(`${e.mode} ${e.content !== undefined ? await this.writeBlob(Buffer.from(e.content, 'utf8')) : e.sha}\t${e.path}`);
      }
      await git(['update-index', '-z', '--index-info'], { gitDir: this.gitDir, env, input: lines.map((l) => `${l}\0`).join('') });
      return await gitText(['write-tree'], { gitDir: this.gitDir, env });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  async createCommit(message: string, tree: string, parents: string[], who: Signature): Promise<string> {
    const env = { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: who.date, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: who.date };
    return gitText(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], { gitDir: this.gitDir, env, input: message });
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    return (await git(['merge-base', '--is-ancestor', ancestor, of], { gitDir: this.gitDir, okCodes: [1] })).code === 0;
  }

  async changedFiles(base: string, head: string): Promise<{ status: string; filename: string; sha: string; previous_filename?: string }[]> {
    const out = (await git(['diff', '--name-status', '-z', '--no-renames', `${base}...${head}`], { gitDir: this.gitDir })).stdout.toString('utf8').split('\0').filter(Boolean);
    const files = [];
    for (let i = 0; i + 1 < out.length; i += 2) {
      const status = { A: 'added', M: 'modified', D: 'removed' }[out[i][0]] ?? 'changed';
      const sha = status === 'removed' ? '0'.repeat(40) : await gitText(['rev-parse', `${head}:${out[i + 1]}`], { gitDir: this.gitDir });
      files.push({ status, filename: out[i + 1], sha });
    }
    return files;
  }

  async diffText(base: string, head: string): Promise<string> {
    return (await git(['diff', '--no-color', `${base}...${head}`], { gitDir: this.gitDir })).stdout.toString('utf8');
  }

  async log(start: string, filePath: string | undefined, limit: number): Promise<string[]> {
    const out = await gitText(['log', `--max-count=${limit}`, '--format=%H', start, ...(filePath ? ['--', filePath] : [])], { gitDir: this.gitDir });
    return out ? out.split('\n') : [];
  }

  /** What `rev:path` is: a file (with its blob id), a folder, or nothing. */
  async at(rev: string, filePath: string): Promise<{ type: string; sha: string } | undefined> {
    const { stdout } = await git(['cat-file', '--batch-check'], { gitDir: this.gitDir, input: `${rev}:${filePath}\n` });
    const [sha, type] = stdout.toString().trim().split(' ');
    return type === 'blob' || type === 'tree' ? { type, sha } : undefined;
  }

  /** Seeds the default branch with the files of a directory (the course template). */
  async seed(dir: string, who: Signature): Promise<string> {
    const work = await mkdtemp(path.join(this.tmp, 'seed-'));
    try {
      const env = { GIT_INDEX_FILE: path.join(work, 'index'), GIT_WORK_TREE: dir };
      await git(['add', '--all', '--', '.'], { gitDir: this.gitDir, env });
      const tree = await gitText(['write-tree'], { gitDir: this.gitDir, env });
      const commit = await this.createCommit('Initial commit\n', tree, [], who);
      await this.setRef('main', commit);
      return commit;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  async copyFrom(other: FakeRepoStore): Promise<void> {
    await git(['fetch', '--quiet', other.gitDir, '+refs/heads/*:refs/heads/*'], { gitDir: this.gitDir });
  }
}

