// The choices of the Check Access wizard, from the server's inventory of the workspace: sources
// (workloads, service accounts, plaintext) and destinations (Service ports as
// `cart:80 → 8080 (http)`, or a workload's own port). Free of `vscode` so it can be tested in Node.
import type { AccessDestination, AccessSource } from '../../../server/src/core/access/types';
import type { WorkspaceInventory } from '../../../server/src/lsp/protocol';

export interface Choice<T> {
  label: string;
  description?: string;
  value: T;
}

type ServicePort = WorkspaceInventory['services'][number]['ports'][number];
export type Protocol = 'http' | 'tcp' | 'unknown';

// Istio's protocol selection by port name prefix or appProtocol (before the first '-').
const HTTP_PREFIXES = new Set(['http', 'http2', 'grpc', 'grpc-web', 'h2c']);
const TCP_PREFIXES = new Set(['tcp', 'tls', 'https', 'mongo', 'mysql', 'redis']);

export function protocolOf(port: ServicePort): Protocol {
  const word = (port.appProtocol ?? port.name ?? '').toLowerCase();
  const prefix = word.startsWith('grpc-web') ? 'grpc-web' : word.split('-')[0];
  if (HTTP_PREFIXES.has(prefix)) return 'http';
  if (TCP_PREFIXES.has(prefix)) return 'tcp';
  return 'unknown';
}

export function sourceChoices(inventory: WorkspaceInventory): Choice<AccessSource>[] {
  return [
    ...inventory.workloads.map((w) => ({
      label: `${w.namespace}/${w.name}`,
      description: `${w.kind} · sa ${w.serviceAccount}`,
      value: { workload: `${w.namespace}/${w.name}` },
    })),
    ...inventory.serviceAccounts.map((sa) => ({
      label: `${sa.namespace}:${sa.name}`,
      description: 'service account',
      value: { namespace: sa.namespace, serviceAccount: sa.name },
    })),
    { label: 'plaintext', description: 'a client without a sidecar (no mTLS identity)', value: { plaintext: true } },
  ];
}

export interface DestinationValue {
  destination: AccessDestination;
  protocol: Protocol;
}

/** One choice per Service port and selected workload; workloads no Service selects are asked for a port. */
export function destinationChoices(inventory: WorkspaceInventory): Choice<DestinationValue | { workload: string }>[] {
  const choices: Choice<DestinationValue | { workload: string }>[] = [];
  const served = new Set<string>();
  for (const s of inventory.services) {
    for (const workload of s.workloads) {
      served.add(workload);
      for (const port of s.ports) {
        const protocol = protocolOf(port);
        const target = port.targetPort !== undefined && port.targetPort !== port.port ? ` → ${port.targetPort}` : '';
        choices.push({
          label: `${s.name}:${port.port}${target} (${protocol === 'unknown' ? (port.name ?? 'unnamed') : protocol})`,
          description: `Service ${s.namespace}/${s.name} → ${workload}`,
          value: { destination: { workload, service: `${s.namespace}/${s.name}`, servicePort: port.port }, protocol },
        });
      }
    }
  }
  for (const w of inventory.workloads) {
    const workload = `${w.namespace}/${w.name}`;
    if (!served.has(workload))
      choices.push({ label: workload, description: `${w.kind}, no Service: give a target port`, value: { workload } });
  }
  return choices;
}
