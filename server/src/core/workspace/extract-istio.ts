// Facts from Istio resources: mTLS modes, authorization identities, JWT enforcement, DestinationRule
// TLS, Telemetry access logging, gateway credentials, and the label selectors that bind them to pods.
import type { PathSegment } from '../locate';
import type { DocReader } from './doc-reader';
import { jwtRules, ruleViews, targetRefs } from './extract-rules';
import { virtualService } from './extract-routes';
import { parseGoBool } from '../go-parse-bool';
import type {
  AuthorizationPolicyFact,
  DestinationRuleFact,
  Fact,
  GatewayFact,
  IdentityUse,
  PeerAuthenticationFact,
  RequestAuthenticationFact,
  SelectingResourceFact,
  SelectorFact,
  ServiceEntryFact,
  TelemetryFact,
  TlsModeUse,
  ValueRef,
} from './facts';
import { onBase, type BaseFields } from './fact-base';

/** A selector at `path` whose label map is `labelsKey` (matchLabels, or labels for Sidecar/EnvoyFilter). */
export function selectorAt(r: DocReader, path: PathSegment[], labelsKey: string | null): SelectorFact | undefined {
  const labelsPath = labelsKey ? [...path, labelsKey] : path;
  const labels = r.labels(labelsPath);
  if (!labels || Object.keys(labels).length === 0) return undefined;
  return { labels, site: r.site(labelsPath, 'key') ?? r.nearest(path, 'key') };
}

const ISTIO_SELECTORS: Record<string, [PathSegment[], string | null]> = {
  Sidecar: [['spec', 'workloadSelector'], 'labels'],
  EnvoyFilter: [['spec', 'workloadSelector'], 'labels'],
  WasmPlugin: [['spec', 'selector'], 'matchLabels'],
  ProxyConfig: [['spec', 'selector'], 'matchLabels'],
};

export function istioFact(r: DocReader, base: BaseFields): Fact | undefined {
  switch (base.kind) {
    case 'PeerAuthentication':
      return peerAuthentication(r, base);
    case 'AuthorizationPolicy':
      return authorizationPolicy(r, base);
    case 'RequestAuthentication':
      return onBase<RequestAuthenticationFact>(base, {
        type: 'request-authentication',
        selector: selectorAt(r, ['spec', 'selector'], 'matchLabels'),
        targeted: hasTargetRef(r),
        jwtRules: jwtRules(r),
        targetRefs: targetRefs(r),
      });
    case 'ServiceEntry':
      return onBase<ServiceEntryFact>(base, {
        type: 'service-entry',
        hosts: r.refs(['spec', 'hosts']),
        labels: r.labels(['metadata', 'labels']),
      });
    case 'DestinationRule':
      return destinationRule(r, base);
    case 'VirtualService':
      return virtualService(r, base);
    case 'Telemetry':
      return telemetry(r, base);
    case 'Gateway':
      return gateway(r, base);
    default: {
      const sel = ISTIO_SELECTORS[base.kind];
      if (!sel) return undefined;
      return onBase<SelectingResourceFact>(base, {
        type: 'selecting-resource',
        selector: selectorAt(r, sel[0], sel[1]),
        targetRefs: targetRefs(r),
        ingress: base.kind === 'Sidecar' ? sidecarIngress(r) : undefined,
      });
    }
  }
}

function sidecarIngress(r: DocReader): NonNullable<SelectingResourceFact['ingress']> {
  const out: NonNullable<SelectingResourceFact['ingress']> = [];
  r.list(['spec', 'ingress']).forEach((_x, i) => {
    const port = r.num(['spec', 'ingress', i, 'port', 'number']);
    if (port !== undefined)
      out.push({
        port,
        tls: r.get(['spec', 'ingress', i, 'tls']) !== undefined,
        site: r.nearest(['spec', 'ingress', i, 'port', 'number']),
      });
  });
  return out;
}

function hasTargetRef(r: DocReader): boolean {
  return r.get(['spec', 'targetRef']) !== undefined || r.list(['spec', 'targetRefs']).length > 0;
}

function peerAuthentication(r: DocReader, base: BaseFields): PeerAuthenticationFact {
  const mode = r.str(['spec', 'mtls', 'mode']);
  const ports: PeerAuthenticationFact['ports'] = [];
  const portLevel = r.get(['spec', 'portLevelMtls']);
  if (portLevel && typeof portLevel === 'object' && !Array.isArray(portLevel)) {
    for (const port of Object.keys(portLevel)) {
      const m = r.str(['spec', 'portLevelMtls', port, 'mode']);
      const portNumber = /^[0-9]+$/.test(port) ? Number(port) : undefined;
      // A port written without a mode is UNSET: it inherits, but the key still names a port.
      ports.push({
        port,
        mode: m ?? 'UNSET',
        site: m ? r.nearest(['spec', 'portLevelMtls', port, 'mode']) : r.nearest(['spec', 'portLevelMtls', port], 'key'),
        ...(portNumber !== undefined ? { portNumber } : {}),
      });
    }
  }
  return onBase<PeerAuthenticationFact>(base, {
    type: 'peer-authentication',
    selector: selectorAt(r, ['spec', 'selector'], 'matchLabels'),
    mode: mode ? { mode, site: r.nearest(['spec', 'mtls', 'mode']), editSite: r.innerSite(['spec', 'mtls', 'mode']) } : undefined,
    ports,
  });
}

const SOURCE_IDENTITY_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts'];
const CONDITION_IDENTITY_KEYS = ['source.principal', 'source.namespace', 'connection.sni'];

function authorizationPolicy(r: DocReader, base: BaseFields): AuthorizationPolicyFact {
  const action = r.str(['spec', 'action']) ?? 'ALLOW';
  const identityUses: IdentityUse[] = [];
  const principals: ValueRef[] = [];
  const namespaces: ValueRef[] = [];
  const serviceAccounts: ValueRef[] = [];
  let requiresToken = false;
  const rules = r.list(['spec', 'rules']);
  rules.forEach((_rule, i) => {
    r.list(['spec', 'rules', i, 'from']).forEach((_from, j) => {
      const src: PathSegment[] = ['spec', 'rules', i, 'from', j, 'source'];
      for (const field of SOURCE_IDENTITY_FIELDS) {
        const values = r.refs([...src, field]);
        if (values.length === 0) continue;
        identityUses.push({ field, negative: field.startsWith('not'), site: r.nearest([...src, field], 'key') });
        if (field.endsWith('rincipals')) principals.push(...values);
        else if (field.endsWith('amespaces')) namespaces.push(...values);
        else serviceAccounts.push(...values);
      }
      if (action === 'ALLOW' && r.list([...src, 'requestPrincipals']).length > 0) requiresToken = true;
      if (action === 'DENY' && r.list([...src, 'notRequestPrincipals']).length > 0) requiresToken = true;
    });
    r.list(['spec', 'rules', i, 'when']).forEach((_cond, k) => {
      const at: PathSegment[] = ['spec', 'rules', i, 'when', k];
      const key = r.str([...at, 'key']);
      if (!key) return;
      const values = r.refs([...at, 'values']);
      const notValues = r.refs([...at, 'notValues']);
      if (CONDITION_IDENTITY_KEYS.includes(key)) {
        const site = r.nearest([...at, 'key']);
        if (values.length > 0) identityUses.push({ field: key, negative: false, site });
        if (notValues.length > 0) identityUses.push({ field: key, negative: true, site });
        if (key === 'source.principal') principals.push(...values, ...notValues);
        if (key === 'source.namespace') namespaces.push(...values, ...notValues);
      }
      if (action === 'ALLOW' && key.startsWith('request.auth.') && values.length > 0) requiresToken = true;
    });
  });
  const dryRunValue = r.labels(['metadata', 'annotations'])?.['istio.io/dry-run'];
  return onBase<AuthorizationPolicyFact>(base, {
    type: 'authorization-policy',
    rules: ruleViews(r),
    provider: r.ref(['spec', 'provider', 'name']),
    targetRefs: targetRefs(r),
    dryRun: parseGoBool(dryRunValue) === true,
    dryRunSite:
      dryRunValue !== undefined ? { value: dryRunValue, site: r.nearest(['metadata', 'annotations', 'istio.io/dry-run']) } : undefined,
    action,
    selector: selectorAt(r, ['spec', 'selector'], 'matchLabels'),
    targeted: hasTargetRef(r),
    hasRules: rules.length > 0,
    identityUses,
    principals,
    namespaces,
    serviceAccounts,
    requiresToken,
  });
}

function destinationRule(r: DocReader, base: BaseFields): DestinationRuleFact {
  const tlsModes: TlsModeUse[] = [];
  const policyModes = (policy: PathSegment[], subset?: string): void => {
    const mode = r.str([...policy, 'tls', 'mode']);
    if (mode) tlsModes.push({ mode, site: r.nearest([...policy, 'tls', 'mode']), subset });
    r.list([...policy, 'portLevelSettings']).forEach((_p, i) => {
      const at = [...policy, 'portLevelSettings', i];
      const m = r.str([...at, 'tls', 'mode']);
      const port = r.get([...at, 'port', 'number']);
      const number = typeof port === 'number' ? port : undefined;
      if (m) tlsModes.push({ mode: m, site: r.nearest([...at, 'tls', 'mode']), port: number, subset });
      else if (number !== undefined) {
        // A port entry does not inherit the rule's tls (GetPortLevelTrafficPolicy). Without tls (absent or
        // null) that port gets none, so auto mutual TLS decides: '' records it. A tls map without mode is
        // DISABLE, the enum's zero value, which Istio applies as written.
        const tls = r.get([...at, 'tls']);
        if (tls === undefined || tls === null)
          tlsModes.push({ mode: '', site: r.nearest([...at, 'port', 'number']), port: number, subset });
        else if (typeof tls === 'object') tlsModes.push({ mode: 'DISABLE', site: r.nearest([...at, 'tls'], 'key'), port: number, subset });
      }
    });
  };
  policyModes(['spec', 'trafficPolicy']);
  r.list(['spec', 'subsets']).forEach((_s, i) => {
    const name = r.str(['spec', 'subsets', i, 'name']);
    policyModes(['spec', 'subsets', i, 'trafficPolicy'], name ?? String(i));
  });
  const subsets = r.list(['spec', 'subsets']).map((_s, i) => ({
    name: r.str(['spec', 'subsets', i, 'name']) ?? String(i),
    labels: r.labels(['spec', 'subsets', i, 'labels']) ?? {},
    site: r.nearest(['spec', 'subsets', i]),
  }));
  return onBase<DestinationRuleFact>(base, {
    type: 'destination-rule',
    host: r.ref(['spec', 'host']),
    tlsModes,
    selector: selectorAt(r, ['spec', 'workloadSelector'], 'matchLabels'),
    exportTo: r.get(['spec', 'exportTo']) !== undefined ? r.refs(['spec', 'exportTo']) : undefined,
    subsets,
  });
}

function telemetry(r: DocReader, base: BaseFields): Fact {
  const entries = r.list(['spec', 'accessLogging']);
  let accessLogging: 'enabled' | 'disabled' | 'absent' = 'absent';
  if (entries.length > 0)
    accessLogging = entries.some((_e, i) => r.get(['spec', 'accessLogging', i, 'disabled']) !== true) ? 'enabled' : 'disabled';
  return onBase<TelemetryFact>(base, { type: 'telemetry', selector: selectorAt(r, ['spec', 'selector'], 'matchLabels'), accessLogging });
}

function gateway(r: DocReader, base: BaseFields): GatewayFact {
  const credentials: ValueRef[] = [];
  r.list(['spec', 'servers']).forEach((_s, i) => {
    const one = r.ref(['spec', 'servers', i, 'tls', 'credentialName']);
    if (one && one.value !== '') credentials.push(one);
    credentials.push(...r.refs(['spec', 'servers', i, 'tls', 'credentialNames']).filter((c) => c.value !== ''));
  });
  return onBase<GatewayFact>(base, { type: 'gateway', selector: selectorAt(r, ['spec', 'selector'], null), credentials });
}
