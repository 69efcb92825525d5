import { dumpYaml } from '@kubernetes/client-node';
import { appObjects } from './app-objects';
import { ANNOTATIONS } from './labels';
import { defaultManifestConfig, type AppDesired } from './manifest-config';

const desired: AppDesired = {
  app: 'alice',
  revision: 7,
  deployId: 'd_abcdefgh123',
  commit: 'c'.repeat(40),
  cloneUrl: 'http://repo.imad.svc:3002/git/alice.git',
  gitCredential: { username: 'alice', password: 's3cr3t-hmac' },
};
const objects = appObjects(desired, defaultManifestConfig);
const pod = objects.deployment.spec!.template.spec!;

describe('appObjects', () => {
  it('names every object after the app in its namespace shard', () => {
    const { ref } = objects;
    expect(ref).toMatchObject({ name: 'app-alice', secretName: 'app-alice-git' });
    expect(ref.namespace).toBe('apps-0');
    for (const o of [objects.deployment, objects.service, objects.networkPolicy, objects.secret]) {
      expect(o.metadata!.namespace).toBe(ref.namespace);
      expect(o.metadata!.labels!['app.kubernetes.io/managed-by']).toBe('imad-deployer');
    }
  });

  it('records revision, deploy id and commit on the Deployment and its pod template', () => {
    for (const annotations of [objects.deployment.metadata!.annotations!, objects.deployment.spec!.template.metadata!.annotations!]) {
      expect(annotations[ANNOTATIONS.revision]).toBe('7');
      expect(annotations[ANNOTATIONS.deployId]).toBe('d_abcdefgh123');
      expect(annotations[ANNOTATIONS.commit]).toBe(desired.commit);
    }
  });

  it('hardens the pod: non-root, no token, no service links, seccomp, read-only root, no capabilities', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.enableServiceLinks).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    for (const c of [...pod.initContainers!, ...pod.containers]) {
      expect(c.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(c.resources).toEqual(defaultManifestConfig.resources);
    }
  });

  it('clones the exact commit with the credential from the Secret, never from the spec', () => {
    const clone = pod.initContainers!.find((c) => c.name === 'clone')!;
    expect(clone.image).toBe(defaultManifestConfig.gitImage);
    expect(clone.env).toContainEqual({ name: 'COMMIT', value: desired.commit });
    expect(clone.env).toContainEqual({ name: 'CLONE_URL', value: desired.cloneUrl });
    expect(clone.env).toContainEqual({
      name: 'GIT_CONFIG_VALUE_0',
      valueFrom: { secretKeyRef: { name: 'app-alice-git', key: 'http-header' } },
    });
    expect(JSON.stringify(objects.deployment)).not.toContain('s3cr3t-hmac');
    const header = Buffer.from(objects.secret.data!['http-header']!, 'base64').toString();
    expect(header).toBe(`Authorization: Basic ${Buffer.from('alice:s3cr3t-hmac').toString('base64')}`);
  });

  it('runs `npm start` on the Node image with PORT and a TCP readiness probe on it', () => {
    const app = pod.containers[0]!;
    expect(app).toMatchObject({ image: 'node:22-alpine', command: ['npm', 'start'], workingDir: '/workspace/app' });
    expect(app.env).toContainEqual({ name: 'PORT', value: '8080' });
    expect(app.readinessProbe?.tcpSocket?.port).toBe('http');
    expect(objects.service.spec!.ports![0]).toMatchObject({ port: 80, targetPort: 'http' });
  });

  it('admits only the router, and client-node serializes the rule as "from"', () => {
    const rules = objects.networkPolicy.spec!.ingress!;
    expect(rules).toHaveLength(1);
    expect(rules[0]!._from).toEqual([
      { namespaceSelector: { matchLabels: defaultManifestConfig.router.namespaceLabels }, podSelector: { matchLabels: defaultManifestConfig.router.podLabels } },
    ]);
    const wire = dumpYaml(objects.networkPolicy);
    expect(wire).toMatch(/^ {4}- from:$/m);
    expect(wire).not.toContain('_from');
    expect(objects.networkPolicy.spec!.podSelector!.matchLabels).toEqual({ 'app.kubernetes.io/instance': 'app-alice' });
  });

  it('takes images, command, port, resources and placement from the configuration', () => {
    const custom = appObjects(desired, {
      ...defaultManifestConfig,
      appImage: 'registry.local/node:22',
      command: ['node', 'server.js'],
      port: 3000,
      schedulerName: 'hold',
      resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    });
    const spec = custom.deployment.spec!.template.spec!;
    expect(spec.containers[0]).toMatchObject({ image: 'registry.local/node:22', command: ['node', 'server.js'] });
    expect(spec.containers[0]!.env).toContainEqual({ name: 'PORT', value: '3000' });
    expect(spec.containers[0]!.resources!.limits).toEqual({ cpu: '1', memory: '1Gi' });
    expect(spec.schedulerName).toBe('hold');
  });
});
