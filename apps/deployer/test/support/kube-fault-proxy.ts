import { writeFile, mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: number; message?: string }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number }
  /** Answer as the server would, e.g. a pod log kwok cannot serve (its kubelets are simulated). */
  | { kind: 'respond'; status: number; body: string; contentType?: string };

interface Rule {
  method?: string;
  path: RegExp;
  fault: Fault;
  remaining: number;
  hits: number;
}

/**
 * A plain-HTTP proxy in front of the real API server that can answer with 429/5xx,
 * reset the connection, or hold a request, for chosen requests. Tests point the
 * deployer at it through the kubeconfig it writes; everything else passes through
 * (watches included, streamed) with the test environment's admin client certificate.
 */
export class KubeFaultProxy {
  private server: Server | undefined;
  private readonly rules: Rule[] = [];
  private upstream!: URL;
  private tls!: { ca: Buffer; cert: Buffer; key: Buffer };
  kubeconfigPath = '';
  /** Every request seen: "PATCH /apis/apps/v1/…". */
  readonly seen: string[] = [];

  async start(upstreamKubeconfig: string): Promise<void> {
    const kc = new KubeConfig();
    kc.loadFromFile(upstreamKubeconfig);
    const cluster = kc.getCurrentCluster()!;
    const user = kc.getCurrentUser()!;
    this.upstream = new URL(cluster.server);
    const b64 = (v?: string) => Buffer.from(v ?? '', 'base64');
    this.tls = { ca: b64(cluster.caData), cert: b64(user.certData), key: b64(user.keyData) };
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as { port: number }).port;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'imad-kubeproxy-'));
    this.kubeconfigPath = path.join(dir, 'kubeconfig');
    await writeFile(
      this.kubeconfigPath,
      `apiVersion: v1\nkind: Config\nclusters: [{name: proxy, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]\nusers: [{name: proxy, user: {}}]\ncontexts: [{name: proxy, context: {cluster: proxy, user: proxy}}]\ncurrent-context: proxy\n`,
    );
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` requests matching method and path get `fault`; returns the rule to read its hits. */
  inject(match: { method?: string; path: RegExp }, fault: Fault, times = 1): { readonly hits: number } {
    const rule: Rule = { ...match, fault, remaining: times, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  /** Cuts every open connection (watches included), as a load balancer restart would. */
  dropConnections(): void {
    this.server?.closeAllConnections();
  }

  clear(): void {
    this.rules.length = 0;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const line = `${req.method} ${req.url}`;
    this.seen.push(line);
    const rule = this.rules.find((r) => r.remaining > 0 && (!r.method || r.method === req.method) && r.path.test(req.url ?? ''));
    if (rule) {
      rule.remaining--;
      rule.hits++;
      const f = rule.fault;
      if (f.kind === 'reset') return void req.socket.destroy();
      if (f.kind === 'status') {
        const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: f.status, message: f.message ?? `injected ${f.status}` });
        res.writeHead(f.status, { 'content-type': 'application/json', ...(f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {}) });
        return void res.end(body);
      }
      if (f.kind === 'respond') {
        res.writeHead(f.status, { 'content-type': f.contentType ?? 'text/plain' });
        return void res.end(f.body);
      }
      // A held request whose client went away (a killed worker) is dropped, not sent late.
      return void setTimeout(() => (res.destroyed || req.socket.destroyed ? undefined : this.forward(req, res)), f.ms);
    }
    this.forward(req, res);
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const headers = { ...req.headers };
    delete headers.host;
    const up = httpsRequest(
      { host: this.upstream.hostname, port: this.upstream.port, method: req.method, path: req.url, headers, ...this.tls },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    res.on('close', () => up.destroy());
    req.pipe(up);
  }
}
