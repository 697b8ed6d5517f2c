// Which Services a DestinationRule host names: `name` (in the rule's namespace), `name.ns`,
// `name.ns.svc`, `name.ns.svc.<domain>`, or a wildcard such as `*.ns.svc.cluster.local` / `*.local`.
import type { ServiceFact } from './facts';
import type { WorkspaceView } from './view';

const CLUSTER_DOMAIN = 'cluster.local';

export function servicesForHost(view: WorkspaceView, host: string, ruleNamespace: string | undefined): ServiceFact[] {
  if (host === '*') return [...view.all('service')];
  if (host.startsWith('*')) {
    const suffix = host.slice(1);
    return view.all('service').filter((s) => s.name && s.namespace && `${s.name}.${s.namespace}.svc.${CLUSTER_DOMAIN}`.endsWith(suffix));
  }
  const parts = host.split('.');
  let name: string;
  let namespace: string | undefined;
  if (parts.length === 1) {
    name = parts[0];
    namespace = ruleNamespace;
  } else if (parts.length === 2 || parts[2] === 'svc') {
    name = parts[0];
    namespace = parts[1];
  } else {
    // An external name (api.example.com): not a Kubernetes Service.
    return [];
  }
  if (namespace === undefined) return [];
  return view.inNamespace('service', namespace).filter((s) => s.name === name);
}
