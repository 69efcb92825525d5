import { KubeConfig, type Cluster } from '@kubernetes/client-node';

type DispatcherFactory = (cluster: Cluster | null, agentOptions: object) => unknown;

/**
 * @kubernetes/client-node 2.0 builds a new undici Agent for every API call
 * (KubeConfig.applySecurityAuthentication → createDispatcher), so no connection is ever
 * reused: each call pays a TCP and mutual-TLS handshake on both ends, which on a busy API
 * server costs more than the call. This keeps one dispatcher per cluster and user.
 * Credentials sent as headers (tokens, exec plugins) are still read per call; a client
 * certificate is read once, as client-go does.
 */
export function reuseConnections(kubeConfig: KubeConfig): KubeConfig {
  const target = kubeConfig as unknown as { createDispatcher?: DispatcherFactory };
  const create = target.createDispatcher;
  // Another client-node version may have changed this; then it is left as it is.
  if (typeof create !== 'function') return kubeConfig;
  const dispatchers = new Map<string, unknown>();
  target.createDispatcher = (cluster, agentOptions) => {
    const key = JSON.stringify([cluster?.name, cluster?.server, kubeConfig.getCurrentUser()?.name]);
    if (!dispatchers.has(key)) dispatchers.set(key, create.call(kubeConfig, cluster, agentOptions));
    return dispatchers.get(key);
  };
  return kubeConfig;
}

/** The kubeconfig file given, or the in-cluster service account; connections reused. */
export function loadKubeConfig(kubeconfigPath?: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (kubeconfigPath) kubeConfig.loadFromFile(kubeconfigPath);
  else kubeConfig.loadFromCluster();
  return reuseConnections(kubeConfig);
}
