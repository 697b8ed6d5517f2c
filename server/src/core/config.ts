// Settings that change what the engine reports, with their defaults. Shared by the editor (which
// may override them from VS Code settings) and the CLI (which reads .meshlint.yaml).
import type { Severity } from './types';

export type RuleLevel = Severity | 'off';

/** Every level a rule can be set to: the one list the settings, the config file and package.json follow. */
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface Config {
  /** Per-rule level; a rule not named here keeps its default severity. */
  rules: Record<string, RuleLevel>;
  /** Namespace whose selector-less PeerAuthentication applies mesh-wide. */
  rootNamespace: string;
  /** Trust domain that principals are expected to use. */
  trustDomain: string;
  /** Other trust domains the mesh accepts as its own (meshConfig.trustDomainAliases); unset: none, or mesh config's. */
  trustDomainAliases?: string[];
  /**
   * Mesh settings the user wrote (in `.meshlint.yaml` or editor settings): they win over mesh config
   * found in the workspace. A setting not listed but different from the default counts as written too.
   */
  meshKeysSet?: ('rootNamespace' | 'trustDomain' | 'trustDomainAliases')[];
  /** Longest acceptable lifetime of a workload (SPIFFE or in-cluster) certificate, in seconds. */
  maxWorkloadCertSeconds: number;
  /** Longest acceptable lifetime of any other certificate, in seconds. */
  maxCertSeconds: number;
  /** Ignore `# meshlint-disable...` comments (the CLI's --no-inline-config), so a file cannot silence its own findings. */
  noInlineConfig?: boolean;
}

export const DEFAULT_CONFIG: Config = Object.freeze({
  rules: {},
  rootNamespace: 'istio-system',
  trustDomain: 'cluster.local',
  maxWorkloadCertSeconds: 24 * 3600,
  maxCertSeconds: 90 * 24 * 3600,
});

export function mergeConfig(base: Config, override: Partial<Config> | undefined): Config {
  if (!override) return base;
  return {
    ...base,
    ...stripUndefined(override),
    rules: { ...base.rules, ...(override.rules ?? {}) },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * What per-document checks depend on: every field of the config except the rule levels, which the
 * engine applies after checking (changing a level must not throw away every cached document).
 * Derived from the object itself, so a field added to Config is part of it without anyone listing it.
 */
export function checkFingerprint(c: Config): string {
  const { rules: _levels, ...checked } = c;
  return stableJson(checked);
}

/** The whole config as a stable string, for results that do depend on levels (workspace runs skip rules that are off). */
export function configFingerprint(c: Config): string {
  return stableJson(c);
}

/** JSON with the keys of every object sorted, so equal configs built in another order agree. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
