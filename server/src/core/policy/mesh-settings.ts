// The mesh settings the policy model reads (root namespace, trust domain and aliases, extension
// providers, path normalization), each with where it came from: what the user wrote in
// `.meshlint.yaml` or the editor settings wins, then mesh config found in the workspace (the
// `istio` ConfigMap, an IstioOperator, Helm values), then Istio's defaults.
import { DEFAULT_CONFIG, type Config } from '../config';
import type { MeshConfigFact, Site } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';
import type { MeshSettings, Provenance } from './types';

type MeshKey = NonNullable<Config['meshKeysSet']>[number];

function written(config: Config, key: MeshKey): boolean {
  if (config.meshKeysSet?.includes(key)) return true;
  if (key === 'trustDomainAliases') return config.trustDomainAliases !== undefined;
  return config[key] !== DEFAULT_CONFIG[key];
}

/**
 * Mesh config facts in a stable order: the ConfigMap (what istiod reads) first, then IstioOperator,
 * then Helm values; within one source, the default revision's (`istio`) before others.
 */
function meshSources(view: WorkspaceView): MeshConfigFact[] {
  const rank = (f: MeshConfigFact): number =>
    (f.source === 'configmap' ? 0 : f.source === 'istio-operator' ? 2 : 4) + (f.kind === 'ConfigMap' && f.name !== 'istio' ? 1 : 0);
  return [...view.all('mesh-config')].sort((a, b) => rank(a) - rank(b));
}

function fromWorkspace<T>(
  facts: MeshConfigFact[],
  pick: (f: MeshConfigFact) => { value: T; site: Site } | undefined,
  what: string,
  conflicts: string[],
): Provenance<T> | undefined {
  const found = facts.map((f) => ({ f, v: pick(f) })).filter((x) => x.v !== undefined);
  const first = found[0];
  if (!first?.v) return undefined;
  const differing = found.filter((x) => JSON.stringify(x.v?.value) !== JSON.stringify(first.v?.value));
  if (differing.length > 0)
    conflicts.push(
      `Mesh config in the workspace sets ${what} differently in ${found.length} places; ` +
        `used ${JSON.stringify(first.v.value)} from the ${first.f.kind} at ${first.f.uri}.`,
    );
  return { value: first.v.value, source: 'workspace', site: first.v.site };
}

export function meshSettings(view: WorkspaceView, config: Config): MeshSettings {
  const key = `mesh-settings\u0000${config.rootNamespace}\u0000${config.trustDomain}\u0000${(config.trustDomainAliases ?? []).join(',')}\u0000${(config.meshKeysSet ?? []).join(',')}`;
  return view.memo(key, () => compute(view, config));
}

function compute(view: WorkspaceView, config: Config): MeshSettings {
  const facts = meshSources(view);
  const conflicts: string[] = [];
  const setting = <T>(
    userKey: MeshKey | undefined,
    userValue: T,
    pick: (f: MeshConfigFact) => { value: T; site: Site } | undefined,
    what: string,
    fallback: T,
  ): Provenance<T> => {
    if (userKey && written(config, userKey)) return { value: userValue, source: 'config' };
    return fromWorkspace(facts, pick, what, conflicts) ?? { value: fallback, source: 'default' };
  };
  const aliasesOf = (f: MeshConfigFact): { value: string[]; site: Site } | undefined =>
    f.trustDomainAliases ? { value: f.trustDomainAliases.map((a) => a.value), site: f.trustDomainAliases[0]?.site ?? f.site } : undefined;
  const providersOf = (f: MeshConfigFact): { value: { name: string; kind: string; site?: Site }[]; site: Site } | undefined =>
    f.extensionProviders ? { value: f.extensionProviders, site: f.extensionProviders[0].site } : undefined;
  return {
    rootNamespace: setting('rootNamespace', config.rootNamespace, (f) => f.rootNamespace, 'rootNamespace', DEFAULT_CONFIG.rootNamespace),
    trustDomain: setting('trustDomain', config.trustDomain, (f) => f.trustDomain, 'trustDomain', DEFAULT_CONFIG.trustDomain),
    trustDomainAliases: setting('trustDomainAliases', config.trustDomainAliases ?? [], aliasesOf, 'trustDomainAliases', []),
    extensionProviders: setting(undefined, [], providersOf, 'extensionProviders', []),
    pathNormalization: setting(undefined, '', (f) => f.pathNormalization, 'pathNormalization.normalization', 'BASE'),
    outboundTrafficPolicy: setting(undefined, '', (f) => f.outboundTrafficPolicy, 'outboundTrafficPolicy.mode', 'ALLOW_ANY'),
    numTrustedProxies: setting(undefined, 0, (f) => f.numTrustedProxies, 'numTrustedProxies', 0),
    conflicts,
  };
}

/** One line per setting for an answer's assumptions: the value and where it came from. */
export function settingsAssumptions(s: MeshSettings): string[] {
  const line = (name: string, p: Provenance<unknown>): string => {
    const value = Array.isArray(p.value)
      ? `[${p.value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}]`
      : String(p.value);
    const from =
      p.source === 'config'
        ? 'set in .meshlint.yaml or the editor settings'
        : p.source === 'workspace'
          ? `from mesh config in the workspace${p.site ? ` (${p.site.uri}:${p.site.line + 1})` : ''}`
          : "Istio's default (no mesh config in the workspace sets it)";
    return `${name} ${value}: ${from}.`;
  };
  return [line('Root namespace', s.rootNamespace), line('Trust domain', s.trustDomain), line('Trust domain aliases', s.trustDomainAliases)];
}
