import { FakeRepoStore } from './git-store';
import { notFound, validationFailed, type FakeGitHub, type FakeRepo, type Reply } from './server';
import * as shape from './shapes';

interface Request {
  method: string;
  url: URL;
  body: unknown;
  login: string;
  accept: string;
}

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const seg = (s: string) => decodeURIComponent(s);
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const signature = (login: string) => ({ name: login, email: `${login}@users.noreply.github.com`, date: now() });
const emptyRepo = (): Reply => ({ status: 409, body: { message: 'Git Repository is empty.', documentation_url: 'https://docs.github.com/rest', status: '409' } });

/** The operations the repo service uses, with GitHub's semantics (async creation, fast-forward-only ref updates). */
export async function route(fake: FakeGitHub, req: Request): Promise<Reply> {
  const parts = req.url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'repos' || parts.length < 3) return notFound();
  const fullName = `${seg(parts[1])}/${seg(parts[2])}`;
  const rest = parts.slice(3);
  const repo = fake.repos.get(fullName);
  const m = req.method;

  if (rest.length === 0 && m === 'GET') return repo ? { status: 200, body: shape.repoJson(repo, fake.repos) } : notFound();
  if (rest[0] === 'generate' && m === 'POST') return repo ? generate(fake, repo, req) : notFound();
  if (rest[0] === 'forks' && m === 'POST') return repo ? fork(fake, repo, req) : notFound();
  if (!repo) return notFound();
  const ready = Date.now() >= repo.readyAt;
  const store = repo.store;
  const b = (req.body ?? {}) as Body;

  if (rest[0] === 'git') {
    if (!ready) return emptyRepo();
    const [, kind, ...idParts] = rest;
    const id = seg(idParts.join('/'));
    if (kind === 'ref' && m === 'GET') {
      const sha = await store.head(id.replace(/^heads\//, ''));
      return sha ? { status: 200, body: shape.refJson(fullName, id, sha) } : notFound();
    }
    if (kind === 'refs' && m === 'PATCH') {
      const branch = id.replace(/^heads\//, '');
      const current = await store.head(branch);
      if (!current) return notFound();
      if ((await store.typeOf(b.sha)) !== 'commit') return validationFailed('Object does not exist');
      if (!b.force && !(await store.isAncestor(current, b.sha))) return validationFailed('Update is not a fast forward');
      await store.setRef(branch, b.sha);
      return { status: 200, body: shape.refJson(fullName, id, b.sha) };
    }
    if (kind === 'commits' && m === 'GET') {
      const c = await store.commit(id);
      return c ? { status: 200, body: shape.gitCommitJson(fullName, id, c) } : notFound();
    }
    if (kind === 'trees' && m === 'GET') {
      if ((await store.typeOf(id)) !== 'tree') return notFound();
      return { status: 200, body: shape.treeJson(fullName, id, await store.entries(id, req.url.searchParams.has('recursive'))) };
    }
    if (kind === 'blobs' && m === 'GET') {
      const content = await store.blob(id);
      return content ? { status: 200, body: shape.blobJson(fullName, id, content) } : notFound();
    }
    if (kind === 'blobs' && m === 'POST') {
      const sha = await store.writeBlob(Buffer.from(b.content, b.encoding === 'base64' ? 'base64' : 'utf8'));
      return { status: 201, body: shape.blobCreatedJson(fullName, sha) };
    }
    if (kind === 'trees' && m === 'POST') {
      if (b.base_tree && (await store.typeOf(b.base_tree)) !== 'tree') return validationFailed('base_tree is not a valid tree oid');
      const sha = await store.createTree(b.base_tree, b.tree);
      return { status: 201, body: shape.treeJson(fullName, sha, await store.entries(sha, false)) };
    }
    if (kind === 'commits' && m === 'POST') {
      if ((await store.typeOf(b.tree)) !== 'tree') return validationFailed('Tree SHA does not exist');
      const who = signature(req.login);
      const sha = await store.createCommit(b.message, b.tree, b.parents ?? [], who);
      return { status: 201, body: shape.gitCommitJson(fullName, sha, { tree: b.tree, parents: b.parents ?? [], message: b.message, author: who, committer: who }) };
    }
    return notFound();
  }
  if (!ready) return emptyRepo();
  if (rest[0] === 'compare' && m === 'GET') {
    const [base, head] = seg(rest.slice(1).join('/')).split('...');
    if ((await store.typeOf(base)) !== 'commit' || (await store.typeOf(head)) !== 'commit') return notFound();
    if (req.accept.includes('diff')) return { status: 200, text: await store.diffText(base, head), headers: { 'content-type': 'application/vnd.github.diff; charset=utf-8' } };
    const ahead = (await store.log(head, undefined, 250)).length - (await store.log(base, undefined, 250)).length;
    return { status: 200, body: shape.comparisonJson(await store.changedFiles(base, head), Math.max(0, ahead)) };
  }
  if (rest[0] === 'commits' && m === 'GET' && rest.length === 1) {
    const start = req.url.searchParams.get('sha') ?? repo.defaultBranch;
    const ids = await store.log(start, req.url.searchParams.get('path') ?? undefined, Number(req.url.searchParams.get('per_page') ?? 30));
    return { status: 200, body: await Promise.all(ids.map(async (id) => shape.commitItemJson(fullName, id, (await store.commit(id))!))) };
  }
  if (rest[0] === 'contents' && m === 'GET') {
    const filePath = rest.slice(1).map(seg).join('/');
    const rev = req.url.searchParams.get('ref') ?? repo.defaultBranch;
    const found = await store.at(rev, filePath);
    if (!found) return notFound();
    if (found.type === 'tree') return { status: 200, body: shape.contentDirJson(fullName, (await store.entries(found.sha, false)).map((e) => ({ ...e, path: `${filePath}/${e.path}` }))) };
    return { status: 200, body: shape.contentFileJson(fullName, filePath, found.sha, (await store.blob(found.sha))!) };
  }
  return notFound();
}

async function generate(fake: FakeGitHub, template: FakeRepo, req: Request): Promise<Reply> {
  const b = req.body as Body;
  if (!template.isTemplate) return validationFailed(`${template.fullName} is not a template repository`);
  if (b.owner !== req.login) return { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } };
  return create(fake, `${b.owner}/${b.name}`, template, { templateOf: template.fullName }, 201);
}

async function fork(fake: FakeGitHub, source: FakeRepo, req: Request): Promise<Reply> {
  const b = (req.body ?? {}) as Body;
  return create(fake, `${req.login}/${b.name ?? source.fullName.split('/')[1]}`, source, { forkOf: source.fullName }, 202);
}

async function create(fake: FakeGitHub, fullName: string, source: FakeRepo, link: Partial<FakeRepo>, status: number): Promise<Reply> {
  if (fake.repos.has(fullName)) {
    return validationFailed('Repository creation failed.', [{ resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' }]);
  }
  const store = await FakeRepoStore.create(fake.root, fullName);
  const repo: FakeRepo = { fullName, store, defaultBranch: source.defaultBranch, isTemplate: false, readyAt: Date.now() + fake.creationDelayMs, ...link };
  fake.repos.set(fullName, repo);
  await store.copyFrom(source.store);
  return { status, body: shape.repoJson(repo, fake.repos) };
}

/** A repository that exists from the start (the course template, or a student's unrelated one). */
export async function addRepo(fake: FakeGitHub, fullName: string, options: { dir: string; isTemplate: boolean; owner: string }): Promise<FakeRepo> {
  const store = await FakeRepoStore.create(fake.root, fullName);
  await store.seed(options.dir, signature(options.owner));
  const repo: FakeRepo = { fullName, store, defaultBranch: 'main', isTemplate: options.isTemplate, readyAt: 0 };
  fake.repos.set(fullName, repo);
  return repo;
}
