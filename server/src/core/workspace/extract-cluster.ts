// Facts from plain Kubernetes objects and cert-manager: namespaces and their injection labels,
// service accounts (also those Istio creates for the Gateways it deploys), workloads with their pod
// labels, services, secrets (also those that sealed or external secrets create), network policies,
// certificates and issuers, and mesh config files.
import type { PathSegment } from '../locate';
import type { DocReader } from './doc-reader';
import type {
  CertificateFact,
  Fact,
  IssuerFact,
  KubernetesGatewayFact,
  NamespaceFact,
  NetworkPolicyFact,
  SecretFact,
  ServiceAccountFact,
  ServiceFact,
  ServicePortFact,
  WorkloadFact,
} from './facts';
import { onBase, type BaseFields } from './fact-base';
import { configMapMesh, meshSettingsFact } from './extract-mesh';

/** Where each workload kind keeps its pod template ([] = the object is the pod itself). */
const POD_TEMPLATES: Record<string, PathSegment[]> = {
  'apps/Deployment': ['spec', 'template'],
  'apps/StatefulSet': ['spec', 'template'],
  'apps/DaemonSet': ['spec', 'template'],
  'apps/ReplicaSet': ['spec', 'template'],
  'batch/Job': ['spec', 'template'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
  '/Pod': [],
  '/ReplicationController': ['spec', 'template'],
  'argoproj.io/Rollout': ['spec', 'template'],
};

export const INJECT_KEY = 'sidecar.istio.io/inject';
/** Namespace labels that decide sidecar injection or ambient capture, strongest first. */
export const NAMESPACE_MESH_LABELS = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode'];

export function clusterFact(r: DocReader, base: BaseFields): Fact | undefined {
  const key = `${base.group}/${base.kind}`;
  const template = POD_TEMPLATES[key];
  if (template) return podWorkload(r, base, template);
  switch (key) {
    case '/Namespace': {
      const labels = r.labels(['metadata', 'labels']) ?? {};
      const decider = NAMESPACE_MESH_LABELS.find((l) => labels[l] !== undefined);
      const injectionSite = decider ? r.nearest(['metadata', 'labels', decider]) : undefined;
      return onBase<NamespaceFact>(base, { type: 'namespace', labels, injectionSite });
    }
    case '/ServiceAccount':
      return onBase<ServiceAccountFact>(base, { type: 'service-account' });
    case '/Service': {
      const selector = r.labels(['spec', 'selector']);
      return onBase<ServiceFact>(base, {
        type: 'service',
        selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
        ports: servicePorts(r),
        labels: r.labels(['metadata', 'labels']),
      });
    }
    case '/Secret':
      return base.name ? onBase<SecretFact>(base, { type: 'secret', secretName: base.name, secretType: r.str(['type']) }) : undefined;
    case 'bitnami.com/SealedSecret': {
      const name = r.str(['spec', 'template', 'metadata', 'name']) ?? base.name;
      const namespace = r.str(['spec', 'template', 'metadata', 'namespace']) ?? base.namespace;
      const secretType = r.str(['spec', 'template', 'type']);
      return name ? onBase<SecretFact>(base, { namespace, type: 'secret', secretName: name, secretType }) : undefined;
    }
    case 'external-secrets.io/ExternalSecret': {
      const name = r.str(['spec', 'target', 'name']) ?? base.name;
      const secretType = r.str(['spec', 'target', 'template', 'type']);
      return name ? onBase<SecretFact>(base, { type: 'secret', secretName: name, secretType }) : undefined;
    }
    case 'gateway.networking.k8s.io/Gateway': {
      const account = istioGatewayAccount(r, base.name);
      return account ? onBase<ServiceAccountFact>(base, { name: account, type: 'service-account', forGateway: true }) : undefined;
    }
    case 'networking.k8s.io/NetworkPolicy': {
      const podSelector = r.labels(['spec', 'podSelector', 'matchLabels']) ?? {};
      return onBase<NetworkPolicyFact>(base, { type: 'network-policy', podSelector });
    }
    case 'networking.istio.io/WorkloadEntry':
      return vmWorkload(r, base, ['spec', 'labels'], ['spec', 'serviceAccount']);
    case 'networking.istio.io/WorkloadGroup':
      return vmWorkload(r, base, ['spec', 'metadata', 'labels'], ['spec', 'template', 'serviceAccount']);
    case 'install.istio.io/IstioOperator':
      return meshSettingsFact(r, ['spec', 'meshConfig'], base, 'istio-operator');
    case '/ConfigMap':
      return configMapMesh(r, base);
    default:
      return certManagerFact(r, base);
  }
}

/** A Gateway API Gateway's class and labels (a second fact beside its ServiceAccount). */
export function kubernetesGateway(r: DocReader, base: BaseFields): KubernetesGatewayFact | undefined {
  if (base.group !== 'gateway.networking.k8s.io' || base.kind !== 'Gateway') return undefined;
  return onBase<KubernetesGatewayFact>(base, {
    type: 'k8s-gateway',
    gatewayClassName: r.ref(['spec', 'gatewayClassName']),
    labels: r.labels(['metadata', 'labels']) ?? {},
  });
}

function servicePorts(r: DocReader): ServicePortFact[] {
  const out: ServicePortFact[] = [];
  r.list(['spec', 'ports']).forEach((_p, i) => {
    const at = ['spec', 'ports', i];
    const port = r.num([...at, 'port']);
    if (port === undefined) return;
    const target = r.get([...at, 'targetPort']);
    out.push({
      name: r.str([...at, 'name']),
      port,
      targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined,
      protocol: r.str([...at, 'protocol']),
      appProtocol: r.str([...at, 'appProtocol']),
      site: r.nearest([...at, 'port']),
    });
  });
  return out;
}

/** Declared ports of every container of the pod template. */
function containerPorts(r: DocReader, template: PathSegment[]): NonNullable<WorkloadFact['containerPorts']> {
  const out: NonNullable<WorkloadFact['containerPorts']> = [];
  r.list([...template, 'spec', 'containers']).forEach((_c, i) => {
    r.list([...template, 'spec', 'containers', i, 'ports']).forEach((_p, j) => {
      const at = [...template, 'spec', 'containers', i, 'ports', j];
      const port = r.num([...at, 'containerPort']);
      if (port !== undefined)
        out.push({ name: r.str([...at, 'name']), port, protocol: r.str([...at, 'protocol']), site: r.nearest([...at, 'containerPort']) });
    });
  });
  return out;
}

const BYPASS_ANNOTATIONS = [
  'traffic.sidecar.istio.io/includeInboundPorts',
  'traffic.sidecar.istio.io/excludeInboundPorts',
  'traffic.sidecar.istio.io/excludeInterfaces',
];

/** Capture annotations that let inbound traffic past the sidecar, and containers running as the proxy's UID 1337. */
function captureBypass(r: DocReader, template: PathSegment[], annotations: Record<string, string>): WorkloadFact['captureBypass'] {
  const out: NonNullable<WorkloadFact['captureBypass']> = [];
  for (const key of BYPASS_ANNOTATIONS) {
    const value = annotations[key];
    if (value !== undefined) out.push({ key, value, site: r.nearest([...template, 'metadata', 'annotations', key]) });
  }
  // A container's securityContext overrides the pod's; only the sidecar itself is meant to run as 1337.
  const podUid = r.num([...template, 'spec', 'securityContext', 'runAsUser']);
  r.list([...template, 'spec', 'containers']).forEach((_c, i) => {
    const at = [...template, 'spec', 'containers', i];
    const own = r.num([...at, 'securityContext', 'runAsUser']);
    if ((own ?? podUid) !== 1337) return;
    const path = own !== undefined ? [...at, 'securityContext', 'runAsUser'] : [...template, 'spec', 'securityContext', 'runAsUser'];
    out.push({ key: 'runAsUser', value: '1337', container: r.str([...at, 'name']), site: r.nearest(path) });
  });
  return out.length > 0 ? out : undefined;
}

/** Pod annotations that change traffic capture; others stay out of the index. */
const MESH_ANNOTATION = /^(traffic\.sidecar\.istio\.io|ambient\.istio\.io|sidecar\.istio\.io)\//;

/**
 * The ServiceAccount Istio creates for a Gateway API Gateway it deploys: `<name>-istio` for the
 * `istio` class, the plain name for waypoints and east-west gateways, or the account named by the
 * `gateway.istio.io/service-account` annotation. Other classes are deployed by other controllers.
 */
function istioGatewayAccount(r: DocReader, name: string | undefined): string | undefined {
  const gatewayClass = r.str(['spec', 'gatewayClassName']);
  if (!name || (gatewayClass !== 'istio' && gatewayClass !== 'istio-waypoint' && gatewayClass !== 'istio-east-west')) return undefined;
  const named = r.labels(['metadata', 'annotations'])?.['gateway.istio.io/service-account'];
  if (named) return named;
  return gatewayClass === 'istio' ? `${name}-istio` : name;
}

function certManagerFact(r: DocReader, base: BaseFields): Fact | undefined {
  if (base.group !== 'cert-manager.io') return undefined;
  switch (base.kind) {
    case 'Issuer':
    case 'ClusterIssuer':
      return onBase<IssuerFact>(base, { type: 'issuer', cluster: base.kind === 'ClusterIssuer' });
    case 'Certificate':
    case 'CertificateRequest': {
      const name = r.ref(['spec', 'issuerRef', 'name']);
      const kind = r.str(['spec', 'issuerRef', 'kind']);
      const group = r.str(['spec', 'issuerRef', 'group']);
      return onBase<CertificateFact>(base, {
        type: 'certificate',
        secretName: base.kind === 'Certificate' ? r.ref(['spec', 'secretName']) : undefined,
        issuer: name
          ? {
              name,
              kind: kind || 'Issuer',
              kindSite: kind ? r.innerSite(['spec', 'issuerRef', 'kind']) : undefined,
              group: group || 'cert-manager.io',
            }
          : undefined,
      });
    }
    default:
      return undefined;
  }
}

function podWorkload(r: DocReader, base: BaseFields, template: PathSegment[]): WorkloadFact {
  const labels = r.labels([...template, 'metadata', 'labels']) ?? {};
  const annotations = r.labels([...template, 'metadata', 'annotations']) ?? {};
  // The label is the current switch; the annotation is older but still honoured.
  const injectPath: PathSegment[] | undefined =
    labels[INJECT_KEY] !== undefined
      ? [...template, 'metadata', 'labels', INJECT_KEY]
      : annotations[INJECT_KEY] !== undefined
        ? [...template, 'metadata', 'annotations', INJECT_KEY]
        : undefined;
  const injectValue = labels[INJECT_KEY] ?? annotations[INJECT_KEY];
  const sa = r.ref([...template, 'spec', 'serviceAccountName']) ?? r.ref([...template, 'spec', 'serviceAccount']);
  return onBase<WorkloadFact>(base, {
    type: 'workload',
    podLabels: labels,
    serviceAccountName: sa,
    inject: injectPath && injectValue !== undefined ? { value: injectValue, site: r.nearest(injectPath) } : undefined,
    ...(labels[INJECT_KEY] !== undefined ? { injectFromLabel: true } : {}),
    hostNetwork: r.get([...template, 'spec', 'hostNetwork']) === true,
    pod: true,
    meshAnnotations: Object.fromEntries(Object.entries(annotations).filter(([k]) => MESH_ANNOTATION.test(k))),
    containerPorts: containerPorts(r, template),
    captureBypass: captureBypass(r, template, annotations),
  });
}

function vmWorkload(r: DocReader, base: BaseFields, labelsPath: PathSegment[], saPath: PathSegment[]): WorkloadFact {
  return onBase<WorkloadFact>(base, {
    type: 'workload',
    podLabels: r.labels(labelsPath) ?? {},
    serviceAccountName: r.ref(saPath),
    hostNetwork: false,
    pod: false,
  });
}
