// Bad values fail at install time with a message that names the value to fix: type and
// format errors through values.schema.json, relations between values through the chart.
import path from 'node:path';
import { chartDir, kubeTools } from './support/helm';

const bad = (file: string) => path.join(chartDir, 'test/fixtures/bad-values', file);

async function install(file: string) {
  const { helm } = await kubeTools();
  // --dry-run=client: everything `helm install` checks, without a cluster.
  return helm('install', 'schema-test', chartDir, '--dry-run=client', '-f', bad(file));
}

describe('values.schema.json and the chart refuse bad values, naming them', () => {
  it.each([
    ['an unknown auth provider', 'unknown-auth-provider.yaml', /at '\/config\/authProvider': value must be one of 'local', 'github'/],
    ['a router port only root may bind', 'router-port-privileged.yaml', /at '\/router\/containerPort': minimum: got 80, want 1,?025/],
    ['an external broker without URL or Secret', 'external-broker-without-url.yaml', /at '\/rabbitmq\/external\/url': minLength/],
    ['encryption keys that are not id:hex64', 'bad-token-keys.yaml', /at '\/config\/tokenEncryptionKeys'/],
    ['a misspelt key', 'misspelt-key.yaml', /at '\/deployer': additional properties 'autoscalling' not allowed/],
    ['a domain that is not a DNS name', 'bad-domain.yaml', /at '\/global\/domain'/],
  ])('rejects %s', async (_what, file, message) => {
    const result = await install(file);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/values don't meet the specifications of the schema/);
    expect(result.stderr).toMatch(message);
  });

  it('rejects more deployer workers at minimum than at maximum', async () => {
    const result = await install('deployer-min-above-max.yaml');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('deployer.autoscaling.minReplicas (12) must not exceed deployer.autoscaling.maxReplicas (4)');
  });

  it('rejects two repo replicas sharing one ReadWriteOnce volume', async () => {
    const result = await install('repo-rwo-two-replicas.yaml');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('repo.replicas must be 1 while repo.persistence.accessMode is ReadWriteOnce');
  });

  it('accepts the defaults (the same command succeeds without a bad file)', async () => {
    const { helm } = await kubeTools();
    const result = await helm('install', 'schema-test', chartDir, '--dry-run=client');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
