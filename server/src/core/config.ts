// Settings that change what the engine reports, with their defaults. Shared by the editor (which
// may override them from VS Code settings) and the CLI (which reads .meshlint.yaml).
import type { Severity } from './types';

export type RuleLevel = Severity | 'off';

export interface Config {
  /** Per-rule level; a rule not named here keeps its default severity. */
  rules: Record<string, RuleLevel>;
  /** Namespace whose selector-less PeerAuthentication applies mesh-wide. */
  rootNamespace: string;
  /** Trust domain that principals are expected to use. */
  trustDomain: string;
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
 * What per-document checks depend on. Rule levels are not part of it: the engine applies them
 * after checking, so changing a level must not throw away every cached document.
 */
export function checkFingerprint(c: Config): string {
  return `${c.rootNamespace}|${c.trustDomain}|${c.maxWorkloadCertSeconds}|${c.maxCertSeconds}`;
}

/** The whole config as a stable string, for results that do depend on levels (workspace runs skip rules that are off). */
export function configFingerprint(c: Config): string {
  const rules = Object.keys(c.rules)
    .sort()
    .map((k) => `${k}=${c.rules[k]}`)
    .join(',');
  return `${checkFingerprint(c)}|${rules}`;
}
