// Facts from mesh config written in the workspace: the `istio` ConfigMap's data.mesh (YAML inside a
// string), an IstioOperator's spec.meshConfig, or a Helm values file's top-level meshConfig. Each
// setting keeps its site so an explanation can say where the root namespace or trust domain came from.
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import type { DocReader } from './doc-reader';
import type { MeshConfigFact } from './facts';
import { onBase, type BaseFields } from './fact-base';

/** The extensionProviders entry kinds Istio knows (each entry sets exactly one of them). */
const PROVIDER_KINDS = [
  'envoyExtAuthzHttp',
  'envoyExtAuthzGrpc',
  'zipkin',
  'datadog',
  'lightstep',
  'stackdriver',
  'opencensus',
  'skywalking',
  'opentelemetry',
  'prometheus',
  'envoyFileAccessLog',
  'envoyHttpAls',
  'envoyTcpAls',
  'envoyOtelAls',
  'sds',
];

/** The settings under `at` in `r` (a meshConfig map). */
export function meshSettingsFact(
  r: DocReader,
  at: PathSegment[],
  base: BaseFields,
  source: NonNullable<MeshConfigFact['source']>,
): MeshConfigFact {
  const providers: NonNullable<MeshConfigFact['extensionProviders']> = [];
  r.list([...at, 'extensionProviders']).forEach((entry, i) => {
    const rec = asRecord(entry);
    const name = rec?.name;
    if (typeof name !== 'string') return;
    const kind = PROVIDER_KINDS.find((k) => rec?.[k] !== undefined) ?? 'unknown';
    providers.push({ name, kind, site: r.nearest([...at, 'extensionProviders', i, 'name']) });
  });
  const trusted = r.num([...at, 'defaultConfig', 'gatewayTopology', 'numTrustedProxies']);
  return onBase<MeshConfigFact>(base, {
    type: 'mesh-config',
    source,
    // Either turns on access logs for every proxy: accessLogFile, or a default accessLogging provider
    // (pilot/pkg/model/telemetry.go, AccessLogging: the mesh's defaultProviders when no Telemetry says).
    accessLogFile: (r.str([...at, 'accessLogFile']) ?? '') !== '' || r.list([...at, 'defaultProviders', 'accessLogging']).length > 0,
    rootNamespace: r.ref([...at, 'rootNamespace']),
    trustDomain: r.ref([...at, 'trustDomain']),
    trustDomainAliases: r.get([...at, 'trustDomainAliases']) !== undefined ? r.refs([...at, 'trustDomainAliases']) : undefined,
    extensionProviders: providers.length > 0 ? providers : undefined,
    pathNormalization: r.ref([...at, 'pathNormalization', 'normalization']),
    outboundTrafficPolicy: r.ref([...at, 'outboundTrafficPolicy', 'mode']),
    numTrustedProxies:
      trusted !== undefined
        ? { value: trusted, site: r.nearest([...at, 'defaultConfig', 'gatewayTopology', 'numTrustedProxies']) }
        : undefined,
  });
}

/** The `istio` (or `istio-<revision>`) ConfigMap's mesh config. */
export function configMapMesh(r: DocReader, base: BaseFields): MeshConfigFact | undefined {
  if (r.str(['data', 'mesh']) === undefined || !/^istio(-.+)?$/.test(base.name ?? '')) return undefined;
  const inner = r.embedded(['data', 'mesh']);
  if (!inner) return onBase<MeshConfigFact>(base, { type: 'mesh-config', source: 'configmap', accessLogFile: false });
  return { ...meshSettingsFact(inner, [], base, 'configmap'), uri: base.uri };
}

/** A Helm values file (no kind) for the istiod or umbrella chart: its top-level meshConfig map. */
export function helmValuesMesh(r: DocReader, base: BaseFields): MeshConfigFact | undefined {
  if (!asRecord(r.get(['meshConfig']))) return undefined;
  const fact = meshSettingsFact(r, ['meshConfig'], { ...base, site: r.nearest(['meshConfig'], 'key') }, 'helm-values');
  // The istiod chart renders rootNamespace as meshConfig.rootNamespace, defaulting to global.istioNamespace
  // (manifests/charts/istio-control/istio-discovery/templates/configmap.yaml). Only in a file that has the
  // meshConfig map: other Istio charts' values carry global.istioNamespace too, without meaning istiod's.
  const istioNamespace = r.ref(['global', 'istioNamespace']);
  return fact.rootNamespace || !istioNamespace ? fact : { ...fact, rootNamespace: istioNamespace };
}
