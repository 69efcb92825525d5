/** Everything about app objects that comes from the platform's configuration. */
export interface ManifestConfig {
  /** Shards for app objects (APP_NAMESPACES); see `namespaceFor`. */
  namespaces: readonly string[];
  /** Prebuilt Node image that runs the app (APP_IMAGE). */
  appImage: string;
  /** Image with git and sh for the clone init container (GIT_IMAGE). */
  gitImage: string;
  /** How the app starts, run in the checkout (default `npm start`). */
  command: string[];
  /** Port the app listens on, given to it as PORT. */
  port: number;
  resources: {
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
  };
  /** The router's pods, the only ones the NetworkPolicy admits. */
  router: { namespaceLabels: Record<string, string>; podLabels: Record<string, string> };
  /** Rollout deadline; past it the Deployment reports ProgressDeadlineExceeded. */
  progressDeadlineSeconds: number;
  /** Uid/gid the containers run as (the node image's `node` user). */
  runAsUser: number;
  /** Optional placement (dedicated nodes for student apps). */
  schedulerName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: { key: string; operator: 'Equal' | 'Exists'; value?: string; effect?: string }[];
}

export const defaultManifestConfig: ManifestConfig = {
  namespaces: ['apps-0'],
  appImage: 'node:22-alpine',
  gitImage: 'alpine/git:2.47.2',
  command: ['npm', 'start'],
  port: 8080,
  resources: { requests: { cpu: '25m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  router: {
    namespaceLabels: { 'kubernetes.io/metadata.name': 'imad' },
    podLabels: { 'app.kubernetes.io/name': 'imad', 'app.kubernetes.io/component': 'router' },
  },
  progressDeadlineSeconds: 300,
  runAsUser: 1000,
};

/** What one deploy asks for: an app at an exact commit, from a clone URL, for a revision. */
export interface AppDesired {
  app: string;
  revision: number;
  deployId: string;
  commit: string;
  /** Smart-HTTP clone URL without credentials. */
  cloneUrl: string;
  /** HTTP Basic credential for the clone (user = app, password = per-app HMAC). */
  gitCredential: { username: string; password: string };
}
