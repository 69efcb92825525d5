import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { githubHeaders, recorded } from './fixtures';
import type { FakeRepoStore } from './git-store';
import { operationFor } from './openapi';
import { route } from './routes';

export interface FakeRepo {
  fullName: string;
  store: FakeRepoStore;
  defaultBranch: string;
  isTemplate: boolean;
  templateOf?: string;
  forkOf?: string;
  /** Until then GitHub is "still copying": the branch is not there yet (GitHub creates asynchronously). */
  readyAt: number;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Answer this late (past the client's timeout = a hung GitHub). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
  status: number;
  operationId?: string;
  conditional: boolean;
  response: unknown;
  /** Answered by an injected fault, not by GitHub's behaviour. */
  fault?: boolean;
  /** Whom the request's token belongs to (undefined: no or unknown token). */
  login?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/**
 * GitHub's REST API for one test, on a real local HTTP server: answers built from recorded
 * real responses (@octokit/fixtures) and the published description's examples, objects
 * stored in real git. Records every request for the OpenAPI check.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly repos = new Map<string, FakeRepo>();
  readonly tokens = new Map<string, string>();
  creationDelayMs = 300;
  private readonly faults: Fault[] = [];

  private constructor(private readonly server: Server, readonly url: string, readonly root: string) {}

  static async start(): Promise<FakeGitHub> {
    const root = await mkdtemp(path.join(tmpdir(), 'fake-github-'));
    const holder: { fake?: FakeGitHub } = {};
    const server = createServer((req, res) => void holder.fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.fake = new FakeGitHub(server, `http://127.0.0.1:${(server.address() as { port: number }).port}`, root);
    return holder.fake;
  }

  /** A GitHub user and the token that acts as them. */
  addUser(login: string, token: string): void {
    this.tokens.set(token, login);
  }

  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
    await rm(this.root, { recursive: true, force: true });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as unknown) : undefined;
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const entry: RecordedRequest = { method, url: url.pathname + url.search, body, status: 0, conditional: req.headers['if-none-match'] !== undefined, response: undefined };
    entry.operationId = operationFor(method, url.pathname)?.operationId;
    this.requests.push(entry);
    entry.login = this.tokens.get(String(req.headers.authorization ?? '').replace(/^(token|bearer) /i, ''));
    let reply: Reply;
    const fault = this.faults.find((f) => f.method === method && f.path.test(url.pathname) && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      entry.fault = true;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      reply = { status: fault.status, body: fault.body ?? { message: 'Server Error' }, headers: fault.headers };
    } else {
      const login = entry.login;
      reply = login
        ? await route(this, { method, url, body, login, accept: String(req.headers.accept ?? '') })
        : { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
    }
    entry.status = reply.status;
    entry.response = reply.body ?? reply.text;
    if (res.destroyed) return;
    this.send(req, res, reply);
  }

  private send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
    const payload = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const headers: Record<string, string> = { ...githubHeaders('get-repository'), ...reply.headers };
    headers['content-type'] ??= reply.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    if (req.method === 'GET' && reply.status === 200) {
      const etag = `W/"${createHash('sha256').update(payload).digest('hex').slice(0, 32)}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        this.requests[this.requests.length - 1].status = 304;
        res.writeHead(304, headers).end();
        return;
      }
    }
    res.writeHead(reply.status, headers).end(payload);
  }
}

/** GitHub's 404 body, as recorded. */
export const notFound = (): Reply => ({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });

/** GitHub's 422 "Validation Failed" body shape, as recorded in the `errors` scenario. */
export function validationFailed(message: string, errors: unknown[] = []): Reply {
  const shape = recorded('errors').response as { documentation_url: string };
  return { status: 422, body: { message, errors, documentation_url: shape.documentation_url } };
}
