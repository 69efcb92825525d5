import type { V1Deployment, V1NetworkPolicy, V1Secret, V1Service } from '@kubernetes/client-node';
import { ANNOTATIONS, appLabels, LABELS, selectorLabels } from './labels';
import type { AppDesired, ManifestConfig } from './manifest-config';
import { appObjectName, namespaceFor } from './names';
import { podSpec } from './pod-spec';

/** Where one app's objects live and what they are called. */
export interface AppRef {
  app: string;
  namespace: string;
  name: string;
  secretName: string;
}

export function appRef(app: string, config: Pick<ManifestConfig, 'namespaces'>): AppRef {
  const name = appObjectName(app);
  return { app, namespace: namespaceFor(app, config.namespaces), name, secretName: `${name}-git` };
}

export interface AppObjects {
  ref: AppRef;
  secret: V1Secret;
  deployment: V1Deployment;
  service: V1Service;
  networkPolicy: V1NetworkPolicy;
}

/** The app's desired objects, ready for server-side apply (apiVersion/kind set, no status). */
export function appObjects(d: AppDesired, config: ManifestConfig): AppObjects {
  const ref = appRef(d.app, config);
  const labels = appLabels(d.app, ref.name);
  const meta = (name: string) => ({ name, namespace: ref.namespace, labels, annotations: { [ANNOTATIONS.app]: d.app } });
  const deployMeta = {
    [ANNOTATIONS.app]: d.app,
    [ANNOTATIONS.revision]: String(d.revision),
    [ANNOTATIONS.deployId]: d.deployId,
    [ANNOTATIONS.commit]: d.commit,
  };
  const header = Buffer.from(`${d.gitCredential.username}:${d.gitCredential.password}`).toString('base64');

  return {
    ref,
    secret: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(ref.secretName),
      type: 'Opaque',
      // `data`, not `stringData`: stringData is write-only and never settles under apply.
      data: { 'http-header': Buffer.from(`Authorization: Basic ${header}`).toString('base64') },
    },
    deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...meta(ref.name), annotations: deployMeta },
      spec: {
        replicas: 1,
        revisionHistoryLimit: 2,
        progressDeadlineSeconds: config.progressDeadlineSeconds,
        selector: { matchLabels: selectorLabels(d.app, ref.name) },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: {
          // The revision in the template makes every deploy a new rollout, even of the same
          // commit: pressing Deploy again restarts the app, as a student expects.
          metadata: { labels, annotations: deployMeta },
          spec: podSpec(d, config, ref.secretName),
        },
      },
    },
    service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(ref.name),
      spec: {
        type: 'ClusterIP',
        selector: selectorLabels(d.app, ref.name),
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    },
    networkPolicy: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(ref.name),
      spec: {
        podSelector: { matchLabels: { [LABELS.instance]: ref.name } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            // client-node's model names the field `_from` (`from` is reserved); it serializes as "from".
            _from: [{ namespaceSelector: { matchLabels: config.router.namespaceLabels }, podSelector: { matchLabels: config.router.podLabels } }],
            ports: [{ port: 'http', protocol: 'TCP' }],
          },
        ],
      },
    },
  };
}
