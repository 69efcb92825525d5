import { recorded } from './fixtures';
import { example } from './openapi';
import type { Signature } from './git-store';
import type { FakeRepo } from './server';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const api = (fullName: string, rest: string) => `https://api.github.com/repos/${fullName}${rest}`;

/** GET /repos/{owner}/{repo}: the recorded `get-repository` answer, renamed. */
export function repoJson(repo: FakeRepo, templates: Map<string, FakeRepo>): Json {
  // The recording is from 2017; fields GitHub added since (has_discussions, …) come from the description's example.
  const body = { ...(example('full-repository') as Json), ...(recorded('get-repository').response as Json) };
  const [owner, name] = repo.fullName.split('/');
  Object.assign(body, {
    name,
    full_name: repo.fullName,
    html_url: `https://github.com/${repo.fullName}`,
    url: api(repo.fullName, ''),
    clone_url: `https://github.com/${repo.fullName}.git`,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    default_branch: repo.defaultBranch,
    is_template: repo.isTemplate,
    fork: repo.forkOf !== undefined,
  });
  // Required by today's description, absent from both the recording and the example.
  body.has_discussions ??= false;
  body.owner = { ...body.owner, login: owner, type: 'User' };
  // Links mean something (which template, which parent): only this repository's own, never the example's.
  const source = (fullName: string) => {
    const linked = repoJson(templates.get(fullName)!, templates);
    delete linked.template_repository;
    delete linked.parent;
    delete linked.source;
    return linked;
  };
  body.template_repository = repo.templateOf ? source(repo.templateOf) : null;
  delete body.parent;
  delete body.source;
  if (repo.forkOf) body.parent = body.source = source(repo.forkOf);
  return body;
}

/** A ref, shaped like the recorded `git-refs` answers. */
export function refJson(fullName: string, ref: string, sha: string): Json {
  const body = (recorded('git-refs').response as Json[])[0];
  return { ...body, ref: `refs/${ref}`, url: api(fullName, `/git/refs/${ref}`), object: { ...body.object, sha, url: api(fullName, `/git/commits/${sha}`) } };
}

export function gitCommitJson(fullName: string, sha: string, c: { tree: string; parents: string[]; message: string; author: Signature; committer: Signature }): Json {
  const body = example('git-commit-2') as Json;
  return {
    ...body,
    sha,
    url: api(fullName, `/git/commits/${sha}`),
    html_url: `https://github.com/${fullName}/commit/${sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: api(fullName, `/git/trees/${c.tree}`) },
    parents: c.parents.map((p) => ({ sha: p, url: api(fullName, `/git/commits/${p}`), html_url: `https://github.com/${fullName}/commit/${p}` })),
  };
}

export function treeJson(fullName: string, sha: string, entries: { path: string; mode: string; type: string; sha: string; size?: number }[]): Json {
  const body = example('git-tree') as Json;
  return {
    ...body,
    sha,
    url: api(fullName, `/git/trees/${sha}`),
    tree: entries.map((e) => ({ ...e, url: api(fullName, `/git/${e.type}s/${e.sha}`) })),
    truncated: false,
  };
}

export function blobCreatedJson(fullName: string, sha: string): Json {
  return { ...example('short-blob'), sha, url: api(fullName, `/git/blobs/${sha}`) };
}

export function blobJson(fullName: string, sha: string, content: Buffer): Json {
  return { ...example('blob'), sha, size: content.length, content: wrap64(content), encoding: 'base64', url: api(fullName, `/git/blobs/${sha}`) };
}

/** GET contents of a file: base64 in 60-character lines, as GitHub sends it. */
export function contentFileJson(fullName: string, filePath: string, sha: string, content: Buffer): Json {
  const body = example('content-file-response-if-content-is-a-file') as Json;
  return {
    ...body,
    type: 'file',
    encoding: 'base64',
    size: content.length,
    name: filePath.split('/').at(-1),
    path: filePath,
    content: wrap64(content),
    sha,
    url: api(fullName, `/contents/${filePath}`),
    git_url: api(fullName, `/git/blobs/${sha}`),
  };
}

/** GET contents of a folder: the recorded `get-content` directory listing shape. */
export function contentDirJson(fullName: string, entries: { path: string; type: string; sha: string; size?: number }[]): Json[] {
  const shape = (recorded('get-content').response as Json[])[0];
  return entries.map((e) => ({ ...shape, name: e.path.split('/').at(-1), path: e.path, sha: e.sha, size: e.size ?? 0, type: e.type === 'tree' ? 'dir' : 'file', url: api(fullName, `/contents/${e.path}`) }));
}

export function commitItemJson(fullName: string, sha: string, c: { tree: string; parents: string[]; message: string; author: Signature; committer: Signature }): Json {
  const body = (example('commit-items') as unknown as Json[])[0];
  return {
    ...body,
    sha,
    url: api(fullName, `/commits/${sha}`),
    commit: { ...body.commit, message: c.message, author: c.author, committer: c.committer, tree: { sha: c.tree, url: api(fullName, `/git/trees/${c.tree}`) } },
    parents: c.parents.map((p) => ({ sha: p, url: api(fullName, `/commits/${p}`) })),
  };
}

export function comparisonJson(files: { status: string; filename: string; sha: string }[], aheadBy: number): Json {
  const body = example('commit-comparison') as Json;
  const fileShape = body.files[0] as Json;
  return { ...body, status: 'ahead', ahead_by: aheadBy, behind_by: 0, total_commits: aheadBy, files: files.map((f) => ({ ...fileShape, ...f, additions: 0, deletions: 0, changes: 0 })) };
}

function wrap64(content: Buffer): string {
  return (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}
