export { loadKubeConfig, reuseConnections } from './kube-config';
