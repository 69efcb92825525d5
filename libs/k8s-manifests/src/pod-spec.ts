import type { V1Container, V1PodSpec, V1SecurityContext } from '@kubernetes/client-node';
import type { AppDesired, ManifestConfig } from './manifest-config';
import { CLONE_SCRIPT, INSTALL_SCRIPT } from './scripts';

/** No privileges at all: what every container of a student app runs with. */
export function containerSecurity(): V1SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

const mounts = [
  { name: 'workspace', mountPath: '/workspace' },
  { name: 'tmp', mountPath: '/tmp' },
];
// Tools write caches and logs under HOME; the root filesystem is read-only.
const homeEnv = [
  { name: 'HOME', value: '/tmp' },
  { name: 'npm_config_cache', value: '/tmp/.npm' },
  { name: 'npm_config_update_notifier', value: 'false' },
];

export function podSpec(d: AppDesired, c: ManifestConfig, secretName: string): V1PodSpec {
  const clone: V1Container = {
    name: 'clone',
    image: c.gitImage,
    command: ['sh', '-c', CLONE_SCRIPT],
    env: [
      { name: 'CLONE_URL', value: d.cloneUrl },
      { name: 'COMMIT', value: d.commit },
      ...homeEnv,
      { name: 'GIT_TERMINAL_PROMPT', value: '0' },
      { name: 'GIT_CONFIG_COUNT', value: '1' },
      { name: 'GIT_CONFIG_KEY_0', value: 'http.extraHeader' },
      { name: 'GIT_CONFIG_VALUE_0', valueFrom: { secretKeyRef: { name: secretName, key: 'http-header' } } },
    ],
    volumeMounts: mounts,
    resources: c.resources,
    securityContext: containerSecurity(),
  };
  const install: V1Container = {
    name: 'install',
    image: c.appImage,
    command: ['sh', '-c', INSTALL_SCRIPT],
    env: homeEnv,
    volumeMounts: mounts,
    resources: c.resources,
    securityContext: containerSecurity(),
  };
  const app: V1Container = {
    name: 'app',
    image: c.appImage,
    command: c.command,
    workingDir: '/workspace/app',
    env: [{ name: 'PORT', value: String(c.port) }, { name: 'NODE_ENV', value: 'production' }, ...homeEnv],
    ports: [{ name: 'http', containerPort: c.port, protocol: 'TCP' }],
    // TCP, not HTTP: a student's app may well answer 404 on "/" and still be up.
    readinessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 2, failureThreshold: 3 },
    resources: c.resources,
    securityContext: containerSecurity(),
    volumeMounts: mounts,
  };
  return {
    initContainers: [clone, install],
    containers: [app],
    // Student code never talks to the Kubernetes API, and with thousands of Services in a
    // namespace the injected *_SERVICE_HOST variables alone can break pod start.
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    terminationGracePeriodSeconds: 10,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: c.runAsUser,
      runAsGroup: c.runAsUser,
      fsGroup: c.runAsUser,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumes: [
      { name: 'workspace', emptyDir: { sizeLimit: '512Mi' } },
      { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
    ],
    ...(c.schedulerName ? { schedulerName: c.schedulerName } : {}),
    ...(c.nodeSelector ? { nodeSelector: c.nodeSelector } : {}),
    ...(c.tolerations ? { tolerations: c.tolerations } : {}),
  };
}
