import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { checkExchange, example } from './github-openapi';
import { BAD_CODE, readBody, send } from './github-wire';

export type Mode = 'ok' | 'status-401' | 'status-403' | 'status-503' | 'hang';
export interface FakeUser {
  id: number;
  login: string;
}

/**
 * GitHub's OAuth host and REST API on 127.0.0.1, answering the way GitHub does. Every API
 * exchange is checked against GitHub's REST description; `problems` collects violations.
 */
export class FakeGitHub {
  url = '';
  readonly clientId = `Iv1.${randomBytes(8).toString('hex')}`;
  readonly clientSecret = randomBytes(20).toString('hex');
  tokenEndpoint: Mode = 'ok';
  userEndpoint: Mode = 'ok';
  readonly problems: string[] = [];
  readonly tokenRequests: Record<string, string>[] = [];
  readonly issuedTokens: string[] = [];
  private readonly codes = new Map<string, { user: FakeUser; scope: string; used: boolean; expired: boolean }>();
  private readonly tokens = new Map<string, FakeUser>();
  private readonly sockets = new Set<Socket>();
  private server?: Server;

  get apiUrl(): string {
    return `${this.url}/api/v3`;
  }

  /** What GitHub does when the student presses "Authorize": a one-time code for the callback. */
  authorize(user: FakeUser, scope = 'public_repo'): string {
    const code = randomBytes(10).toString('hex');
    this.codes.set(code, { user, scope, used: false, expired: false });
    return code;
  }

  expire(code: string): void {
    this.codes.get(code)!.expired = true;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') return this.token(req, body, res);
    if (url.pathname.startsWith('/api/v3/')) return this.api(req, url.pathname.slice('/api/v3'.length), res);
    this.problems.push(`unexpected request ${req.method} ${url.pathname}`);
    send(res, 404, { message: 'Not Found' });
  }

  private token(req: IncomingMessage, raw: string, res: ServerResponse): void {
    if (this.tokenEndpoint === 'hang') return;
    if (this.tokenEndpoint === 'status-503') return void send(res, 503, '<html><body><h1>Unicorn!</h1>No server is currently available to service your request.</body></html>', 'text/html');
    if (!String(req.headers.accept).includes('application/json')) this.problems.push('token request without Accept: application/json');
    const params = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
    this.tokenRequests.push(params);
    if (params.client_id !== this.clientId || params.client_secret !== this.clientSecret) {
      return void send(res, 200, { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' });
    }
    const grant = this.codes.get(params.code);
    if (!grant || grant.used || grant.expired) return void send(res, 200, BAD_CODE);
    grant.used = true;
    const token = `gho_${randomBytes(18).toString('hex')}`;
    this.tokens.set(token, grant.user);
    this.issuedTokens.push(token);
    send(res, 200, { access_token: token, token_type: 'bearer', scope: grant.scope });
  }

  private async api(req: IncomingMessage, apiPath: string, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    if (!/application\/(vnd\.github[^,]*\+)?json/.test(String(req.headers.accept))) this.problems.push(`${method} ${apiPath} without a GitHub JSON Accept header`);
    const [status, body] = await this.answer(method, apiPath, req.headers.authorization);
    if (status === 0) return; // hang
    this.problems.push(...(await checkExchange(method, apiPath, status, body)));
    send(res, status, body);
  }

  private async answer(method: string, apiPath: string, authorization: string | undefined): Promise<[number, unknown]> {
    if (this.userEndpoint === 'hang') return [0, undefined];
    if (this.userEndpoint === 'status-503') return [503, { message: 'Service Unavailable' }];
    if (this.userEndpoint === 'status-403') return [403, { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' }];
    const user = this.tokens.get(/^(?:token|bearer) (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
    if (this.userEndpoint === 'status-401' || !user) return [401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }];
    if (method !== 'GET' || apiPath !== '/user') return [404, { message: 'Not Found' }];
    const profile = await example('get', '/user', 200, 'response-with-public-profile-information');
    return [200, { ...profile, id: user.id, login: user.login, html_url: `https://github.com/${user.login}`, url: `https://api.github.com/users/${user.login}` }];
  }
}
