// The app router's nginx configuration, rendered by the chart, run by real nginx: host-name
// routing through DNS to each app's Service, the 404/starting pages, refused host names and
// WebSockets. A small DNS responder stands in for the cluster DNS; apps are node servers on
// 127.0.0.x, all on the Service port, one address per app (as ClusterIPs are).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { startDnsResponder, type DnsResponder } from './support/dns-responder';
import { request } from './support/http';
import { freePort, startNginx, type RunningNginx } from './support/nginx';
import { renderRouterConfig } from './support/router';

const DOMAIN = 'example.test';
const host = (app: string) => `${app}.apps.${DOMAIN}`;
const svc = (app: string, ns: string) => `app-${app}.${ns}.svc.cluster.local`;

let dns: DnsResponder;
let nginx: RunningNginx;
const servers: http.Server[] = [];

/** An app answering with what it saw; `oops` answers its own 502. */
function appServer(name: string): http.Server {
  return http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.headers.host?.startsWith('oops.')) {
        res.writeHead(502, { 'content-type': 'text/plain' }).end('the app itself says 502');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ server: name, method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
}

function listen(server: http.Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => resolve((server.address() as AddressInfo).port));
  });
}

beforeAll(async () => {
  // Apps share one port (the Service port) on their own loopback addresses.
  const alpha = appServer('alpha');
  const beta = appServer('beta');
  servers.push(alpha, beta);
  const servicePort = await listen(alpha, 0, '127.0.0.2');
  await listen(beta, servicePort, '127.0.0.3');
  const wss = new WebSocketServer({ server: beta });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo: ${data.toString()}`)));

  dns = await startDnsResponder({
    [svc('alpha', 'apps-0')]: '127.0.0.2',
    [svc('oops', 'apps-0')]: '127.0.0.2',
    [svc('warming', 'apps-1')]: '127.0.0.4', // a Service with no ready endpoints: nothing answers
    [svc('beta', 'apps-2')]: '127.0.0.3',
  });
  const port = await freePort();
  const config = await renderRouterConfig({
    'global.domain': DOMAIN,
    'apps.namespaces.count': 3,
    'router.namespaceForApp.strategy': 'probe',
    'router.containerPort': port,
    'router.resolver.addresses': `{127.0.0.1:${dns.port}}`,
    'router.upstream.servicePort': servicePort,
  });
  nginx = await startNginx(config, port);
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  await dns?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('the app router (real nginx, chart-rendered configuration)', () => {
  it("sends <app>.apps.<domain> to the app's Service, keeping the host and adding forwarding headers", async () => {
    const reply = await request(nginx.port, host('alpha'), { path: '/hello?x=1' });
    expect(reply.status).toBe(200);
    const seen = JSON.parse(reply.body);
    expect(seen.server).toBe('alpha');
    expect(seen.url).toBe('/hello?x=1');
    expect(seen.headers.host).toBe(host('alpha'));
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('finds an app in a later namespace by asking DNS namespace by namespace, request body included', async () => {
    const before = dns.queries.length;
    const reply = await request(nginx.port, host('beta'), { method: 'POST', path: '/submit', body: 'answer=42' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ server: 'beta', method: 'POST', body: 'answer=42' });
    expect(dns.queries.slice(before)).toEqual([svc('beta', 'apps-0'), svc('beta', 'apps-1'), svc('beta', 'apps-2')]);
  });

  it('treats the host name case-insensitively, as DNS does', async () => {
    const reply = await request(nginx.port, 'Alpha.Apps.Example.Test');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).server).toBe('alpha');
  });

  it('answers an unknown app with a 404 page naming it, after looking in every app namespace', async () => {
    const before = dns.queries.length;
    const reply = await request(nginx.port, host('nobody-here'));
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toContain('text/html');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body).toContain('No app named <code>nobody-here</code>');
    expect(dns.queries.slice(before)).toEqual(['apps-0', 'apps-1', 'apps-2'].map((ns) => svc('nobody-here', ns)));
  });

  it('answers an app whose Service has no ready endpoints with the 503 "starting" page and Retry-After', async () => {
    const reply = await request(nginx.port, host('warming'));
    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBe('5');
    expect(reply.body).toContain('<code>warming</code> is starting');
    expect(reply.body).toContain('http-equiv="refresh" content="5"');
  });

  it("passes an app's own 502 through untouched instead of showing the router's pages", async () => {
    const reply = await request(nginx.port, host('oops'));
    expect(reply.status).toBe(502);
    expect(reply.body).toBe('the app itself says 502');
  });

  it.each([
    ['an underscore', 'bad_name'],
    ['two labels', 'a.b'],
    ['a leading hyphen', '-lead'],
    ['a trailing hyphen', 'trail-'],
    ['a 64-character label', 'a'.repeat(64)],
    ['a label too long for "app-<label>" to be a Service name (60)', 'a'.repeat(60)],
  ])('refuses a host with %s in the app label with 400 and never asks DNS', async (_what, label) => {
    const before = dns.queries.length;
    const reply = await request(nginx.port, `${label}.apps.${DOMAIN}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('Not a valid app address');
    expect(dns.queries.length).toBe(before);
  });

  it('accepts the longest label whose Service name "app-<label>" is still a DNS label (59)', async () => {
    const label = 'a'.repeat(59);
    const before = dns.queries.length;
    const reply = await request(nginx.port, host(label));
    expect(reply.status).toBe(404);
    expect(dns.queries.slice(before)[0]).toBe(svc(label, 'apps-0'));
  });

  it('answers other hosts and the bare apps domain with "no such site", and serves its probes', async () => {
    for (const other of ['imad.example.test', `apps.${DOMAIN}`, '10.1.2.3']) {
      const reply = await request(nginx.port, other);
      expect(reply.status).toBe(404);
      expect(reply.body).toContain('No such site');
    }
    expect((await request(nginx.port, '10.244.0.7:8080', { path: '/healthz' })).status).toBe(200);
    expect((await request(nginx.port, '10.244.0.7:8080', { path: '/readyz' })).body).toBe('ok\n');
  });

  it('passes WebSockets through: the upgrade succeeds and messages echo both ways', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${nginx.port}/live`, { headers: { host: host('beta') } });
    const messages: string[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => {
        socket.on('message', (data) => {
          messages.push(data.toString());
          if (messages.length === 2) resolve();
        });
        socket.send('ping 1');
        socket.send('ping 2');
      });
    });
    socket.close();
    expect(messages).toEqual(['echo: ping 1', 'echo: ping 2']);
  });
});
