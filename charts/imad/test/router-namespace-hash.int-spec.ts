// The router's `hash` strategy: one DNS lookup, in the namespace nginx's split_clients picks
// from the app name. support/app-namespace.ts is the same function in TypeScript (what the
// deployer must use to place apps for this strategy); real nginx must agree with it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { namespaceFor } from '@imad/k8s-manifests';
import { shardIndex } from './support/app-namespace';
import { startDnsResponder, type DnsResponder } from './support/dns-responder';
import { request } from './support/http';
import { freePort, startNginx, type RunningNginx } from './support/nginx';
import { renderRouterConfig } from './support/router';

const COUNT = 5;
const namespaceOf = (app: string) => `apps-${shardIndex(app, COUNT)}`;
const svc = (app: string) => `app-${app}.${namespaceOf(app)}.svc.cluster.local`;

let dns: DnsResponder;
let nginx: RunningNginx;
let app: http.Server;

beforeAll(async () => {
  app = http.createServer((_req, res) => res.end('placed'));
  const servicePort = await new Promise<number>((resolve) => app.listen(0, '127.0.0.2', () => resolve((app.address() as AddressInfo).port)));
  dns = await startDnsResponder({ [svc('placed-app')]: '127.0.0.2', [svc('cold-app')]: '127.0.0.4' });
  const port = await freePort();
  nginx = await startNginx(
    await renderRouterConfig({
      'global.domain': 'example.test',
      'apps.namespaces.count': COUNT,
      'router.namespaceForApp.strategy': 'hash',
      'router.containerPort': port,
      'router.resolver.addresses': `{127.0.0.1:${dns.port}}`,
      'router.upstream.servicePort': servicePort,
    }),
    port,
  );
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  await dns?.close();
  await new Promise((resolve) => app?.close(resolve));
});

describe('the router with the hash strategy (real nginx)', () => {
  it("reaches an app placed in the namespace the reference function picks, asking DNS once", async () => {
    const before = dns.queries.length;
    const reply = await request(nginx.port, 'placed-app.apps.example.test');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('placed');
    expect(dns.queries.slice(before)).toEqual([svc('placed-app')]);
  });

  it('shows the starting page for an app that resolves but does not answer, and 404 for one that does not resolve', async () => {
    expect((await request(nginx.port, 'cold-app.apps.example.test')).status).toBe(503);
    expect((await request(nginx.port, 'never-deployed.apps.example.test')).status).toBe(404);
  });

  it('picks the same namespace as the reference function for 400 app names, using every namespace', async () => {
    const names = Array.from({ length: 400 }, (_, i) => `student-${i}-${(i * 7919).toString(36)}`);
    const before = dns.queries.length;
    for (const name of names) expect((await request(nginx.port, `${name}.apps.example.test`)).status).toBe(404);
    expect(dns.queries.slice(before)).toEqual(names.map(svc));
    const used = new Set(names.map(namespaceOf));
    expect(used.size).toBe(COUNT);
  });

  it('agrees with where the deployer places apps (libs/k8s-manifests namespaceFor)', () => {
    const namespaces = Array.from({ length: COUNT }, (_, i) => `apps-${i}`);
    const names = Array.from({ length: 2000 }, (_, i) => `s${i}-${(i * 104729).toString(36)}`);
    expect(names.map((n) => namespaceFor(n, namespaces))).toEqual(names.map(namespaceOf));
  });
});
