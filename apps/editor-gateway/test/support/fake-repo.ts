import { AppError, RepoCommit, RepoDiff, RepoHistory, RepoInfoRpc, RepoRead, RepoRevert, RepoTree } from '@imad/contracts';
import { AmqpConnection, RpcServer } from '@imad/messaging';
import { createLogger } from '@imad/observability';
import { FakeWorkspaces } from './fake-workspaces';

/**
 * The repo service's RPCs served by a small in-test implementation through the real
 * RabbitMQ RpcServer (in the test's own vhost): the gateway talks to a real broker and
 * real RPC plumbing; only the git behind it is in memory.
 */
export async function serveFakeRepo(amqpUrl: string): Promise<{ workspaces: FakeWorkspaces; stop: () => Promise<void> }> {
  const connection = new AmqpConnection({ url: amqpUrl, connectionName: 'fake-repo', logger: createLogger('fake-repo', 'silent') });
  const server = new RpcServer(connection);
  await connection.start();
  const w = new FakeWorkspaces();
  await server.serve(RepoInfoRpc, async ({ userId }) => {
    const ws = w.get(userId);
    return { host: 'local' as const, appName: ws.appName, fullName: ws.appName, defaultBranch: 'main', head: w.head(ws).id, cloneUrl: `http://127.0.0.1:3002/git/${ws.appName}.git` };
  });
  await server.serve(RepoTree, async ({ userId }) => {
    const head = w.head(w.get(userId));
    return { head: head.id, entries: [...head.files].map(([path, content]) => ({ path, size: Buffer.byteLength(content), binary: false })) };
  });
  await server.serve(RepoRead, async ({ userId, path, commit }) => {
    const ws = w.get(userId);
    const content = w.file(commit ? w.commit(ws, commit) : w.head(ws), path);
    return { path, blobId: w.blob(content), size: Buffer.byteLength(content), binary: false, encoding: 'utf8' as const, content };
  });
  await server.serve(RepoCommit, async ({ userId, baseCommit, message, changes }) => {
    const ws = w.get(userId);
    const base = w.commit(ws, baseCommit);
    const head = w.head(ws);
    if (base.id !== head.id) {
      const files = changes.map((c) => ('path' in c ? c.path : c.from)).map((path) => ({ path, base: w.blob(base.files.get(path) ?? ''), theirs: w.blob(head.files.get(path) ?? '') }));
      throw new AppError('REPO.CONFLICT', 'the workspace changed since these edits started', { head: head.id, files });
    }
    const files = new Map(head.files);
    for (const c of changes) {
      if (c.op === 'upsert') files.set(c.path, c.content);
      else if (c.op === 'delete') files.delete(c.path);
      else {
        files.set(c.to, w.file(head, c.from));
        files.delete(c.from);
      }
    }
    return { commit: w.push(ws, message, files).id, parent: head.id };
  });
  await server.serve(RepoHistory, async ({ userId, limit }) => {
    const commits = [...w.get(userId).commits].reverse().slice(0, limit);
    return { commits: commits.map((c) => ({ id: c.id, message: c.message, author: 'student', at: c.at })) };
  });
  await server.serve(RepoDiff, async ({ userId, from, to }) => {
    const ws = w.get(userId);
    w.commit(ws, from);
    w.commit(ws, to);
    return { diff: from === to ? '' : `diff ${from}..${to}\n` };
  });
  await server.serve(RepoRevert, async ({ userId, commit, baseCommit }) => {
    const ws = w.get(userId);
    const target = w.commit(ws, commit);
    w.commit(ws, baseCommit);
    const parent = w.head(ws).id;
    return { commit: w.push(ws, `Revert to ${commit.slice(0, 7)}`, new Map(target.files)).id, parent };
  });
  return {
    workspaces: w,
    stop: async () => {
      await server.stop(2_000);
      await connection.close();
    },
  };
}
