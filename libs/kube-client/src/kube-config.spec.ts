import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { reuseConnections } from './kube-config';

// A stand-in API server over real TLS that counts handshakes: the question is how many
// connections a client opens for a series of calls, which only a real socket can tell.
let server: Server;
let handshakes = 0;
let dir: string;
let ca: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kube-client-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { stdio: 'ignore' });
  ca = readFileSync(`${dir}/cert.pem`, 'utf8');
  server = createServer({ key: readFileSync(`${dir}/key.pem`), cert: ca }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }));
  });
  server.on('secureConnection', () => handshakes++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function kubeConfigFor(): KubeConfig {
  const kc = new KubeConfig();
  const { port } = server.address() as AddressInfo;
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `https://127.0.0.1:${port}`, caData: Buffer.from(ca).toString('base64'), skipTLSVerify: false }],
    users: [{ name: 'u', token: 'not-checked' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

async function handshakesFor(kc: KubeConfig, calls: number): Promise<number> {
  const before = handshakes;
  const core = kc.makeApiClient(CoreV1Api);
  for (let i = 0; i < calls; i++) await core.readNamespace({ name: 'default' });
  return handshakes - before;
}

describe('reuseConnections', () => {
  it('serves a series of API calls over one connection instead of one per call', async () => {
    expect(await handshakesFor(kubeConfigFor(), 5)).toBe(5); // client-node as it comes: one per call
    const kc = reuseConnections(kubeConfigFor());
    await handshakesFor(kc, 2); // warm-up: undici may open a second socket while the first is handed back
    expect(await handshakesFor(kc, 20)).toBe(0);
  });

  it('still sends the credentials with every call', async () => {
    const seen: (string | undefined)[] = [];
    const listener = (req: { headers: Record<string, string | undefined> }) => seen.push(req.headers.authorization);
    server.on('request', listener);
    try {
      await handshakesFor(reuseConnections(kubeConfigFor()), 2);
    } finally {
      server.off('request', listener);
    }
    expect(seen).toEqual(['Bearer not-checked', 'Bearer not-checked']);
  });
});
