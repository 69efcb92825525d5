// docker-compose.yml and the Dockerfile: structure, and the same configuration names as the
// chart (docs/WORKSPACE.md, "Platform configuration"). No Docker engine here, so the compose
// file is checked as data (and with `docker compose config` where the plugin exists); its
// router configuration is checked by real nginx (`nginx -t`).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadYaml, type V1ConfigMap, type V1Deployment } from '@kubernetes/client-node';
import { chartDir, kubeTools, ok, parseManifests, repoRoot, run } from './support/helm';
import { NGINX } from './support/nginx';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args: Record<string, string> };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  user?: string;
}
interface Compose {
  services: Record<string, ComposeService>;
  configs: Record<string, { content: string }>;
}

/** YAML merge keys (`<<: *anchor`), which compose applies and the YAML loader here keeps as keys. */
function resolveMerges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveMerges);
  if (!value || typeof value !== 'object') return value;
  const { '<<': merged, ...own } = value as Record<string, unknown>;
  const base = [merged ?? []].flat().map((m) => resolveMerges(m) as Record<string, unknown>);
  const resolved = Object.fromEntries(Object.entries(own).map(([k, v]) => [k, resolveMerges(v)]));
  return Object.assign({}, ...base, resolved);
}

const compose = resolveMerges(loadYaml(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'))) as Compose;
const PLATFORM = ['auth', 'repo', 'editor-gateway', 'deployer'];
/** Names only the local runtime reads (a cluster has the chart's router instead). */
const LOCAL_ONLY = new Set(['APPS_ROUTER_PORT']);

/** Environment variable names the chart gives each service (ConfigMap keys + container env). */
async function chartEnvNames(): Promise<Record<string, Set<string>>> {
  const { helm } = await kubeTools();
  const objects = parseManifests(ok(await helm('template', 'imad', chartDir, '--set', 'config.authProvider=github', '--set', 'config.github.clientId=x', '--set', 'config.github.clientSecret=y'), 'helm template'));
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === 'imad-config') as V1ConfigMap;
  const shared = Object.keys(configMap.data ?? {});
  const names: Record<string, Set<string>> = {};
  for (const d of objects.filter((o) => o.kind === 'Deployment') as V1Deployment[]) {
    const component = d.metadata!.labels!['app.kubernetes.io/component']!;
    const env = d.spec!.template.spec!.containers[0]!.env!.map((e) => e.name);
    names[component] = new Set([...shared, ...env]);
  }
  return names;
}

describe('docker-compose.yml', () => {
  it('runs RabbitMQ, Redis, the four platform services and a router', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['auth', 'deployer', 'editor-gateway', 'rabbitmq', 'redis', 'repo', 'router']);
  });

  it('builds each platform service from the one Dockerfile with APP set to its name, and waits for healthy infrastructure', () => {
    for (const name of PLATFORM) {
      const service = compose.services[name]!;
      expect(service.build).toEqual({ context: '.', dockerfile: 'Dockerfile', args: { APP: name } });
      expect(service.depends_on).toEqual({ rabbitmq: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
      expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
    }
  });

  it('uses only configuration names the chart also sets for the same service', async () => {
    const chart = await chartEnvNames();
    for (const name of PLATFORM) {
      const composeNames = Object.keys(compose.services[name]!.environment ?? {}).filter((n) => !LOCAL_ONLY.has(n));
      const missing = composeNames.filter((n) => !chart[name]!.has(n) && n !== 'RUNTIME');
      expect({ service: name, notInChart: missing }).toEqual({ service: name, notInChart: [] });
      for (const core of ['AMQP_URL', 'REDIS_URL', 'LOG_LEVEL', 'HTTP_PORT']) expect(composeNames).toContain(core);
    }
    // The deployer is the one place where the two differ on purpose: local runtime here.
    expect(compose.services.deployer!.environment!.RUNTIME).toBe('local');
  });

  it('requires the secrets instead of shipping defaults for them', () => {
    for (const name of ['auth', 'repo']) {
      expect(compose.services[name]!.environment!.TOKEN_ENCRYPTION_KEYS).toMatch(/^\$\{TOKEN_ENCRYPTION_KEYS:\?/);
    }
    expect(compose.services.deployer!.environment!.GIT_READ_SECRET).toMatch(/^\$\{GIT_READ_SECRET:\?/);
  });

  it("has a router configuration real nginx accepts (nginx -t)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'imad-compose-router-'));
    try {
      // Compose turns "$$" into "$"; the server blocks go inside http{} as conf.d files do.
      const conf = compose.configs['router-conf']!.content.replaceAll('$$', '$');
      writeFileSync(path.join(dir, 'nginx.conf'), `pid nginx.pid;\nevents {}\nhttp {\n${conf}\n}\n`);
      const result = await run(NGINX, ['-t', '-p', `${dir}/`, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr']);
      expect(result.stderr).toContain('test is successful');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a valid compose file for `docker compose config` where the compose plugin is installed', async () => {
    const probe = await run('docker', ['compose', 'version']).catch(() => ({ code: 127, stdout: '', stderr: '' }));
    if (probe.code !== 0) {
      // No compose plugin on this machine: the structural checks above stand in for it.
      expect(probe.code).not.toBe(0);
      return;
    }
    const result = await run('docker', ['compose', '-f', 'docker-compose.yml', 'config', '--quiet'], {
      env: { TOKEN_ENCRYPTION_KEYS: `k1:${'0'.repeat(64)}`, GIT_READ_SECRET: 'x'.repeat(64) },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  it('builds in stages: npm ci, the service bundle by tools/build, a node:20-slim runtime', () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\S+)$/gm)].map((m) => m[2]);
    expect(stages).toEqual(['manifests', 'build', 'deps', 'runtime']);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
    expect(dockerfile).toMatch(/npm ci --no-audit/);
    expect(dockerfile).toMatch(/node tools\/build\/build-service\.js "\$APP"/);
  });

  it('runs as the non-root uid the chart expects, the bundle as the command', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER 1000:1000$/m);
    expect(runtime).toMatch(/^CMD \["node", "--enable-source-maps", "main\.js"\]$/m);
    const values = loadYaml(readFileSync(path.join(chartDir, 'values.yaml'), 'utf8')) as { global: { podSecurityContext: { runAsUser: number } } };
    expect(values.global.podSecurityContext.runAsUser).toBe(1000);
  });
});
