// Renders the router's nginx.conf with the chart (helm template) for a local run: the only
// differences from a cluster are values — the listen port, the resolver address (a local
// DNS responder instead of kube-dns) and the app Service port.
import { loadYaml, type V1ConfigMap } from '@kubernetes/client-node';
import { kubeTools, ok, valuesArgs } from './helm';

export async function renderRouterConfig(set: Record<string, string | number>): Promise<string> {
  const { helm } = await kubeTools();
  const out = ok(
    await helm('template', 'imad', 'charts/imad', '--namespace', 'imad', '--show-only', 'templates/router/configmap.yaml', ...valuesArgs([], set)),
    'helm template (router)',
  );
  const configMap = loadYaml(out) as V1ConfigMap;
  const config = configMap.data?.['nginx.conf'];
  if (!config) throw new Error('the router ConfigMap has no nginx.conf');
  return config;
}
