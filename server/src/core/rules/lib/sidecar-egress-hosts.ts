// Sidecar egress hosts as ValidateSidecar checks them (pkg/config/validation/validation.go): each one
// namespace/host (agent.ValidateNamespaceSlashWildcardHostname), with warnings for repeats and for `*/*` beside others.
import type { PathSegment } from '../../locate';
import { namespaceSlashHostProblem } from './hostnames';
import type { Problem } from './istio-values';

/** `namespace` is the Sidecar's own, which "." stands for when hosts are compared. */
export function egressHostProblems(hosts: unknown[], path: PathSegment[], namespace: string): Problem[] {
  const out: Problem[] = [];
  const byNamespace = new Map<string, Set<string>>();
  let everything = -1;
  hosts.forEach((host, i) => {
    if (typeof host !== 'string') return;
    const at: PathSegment[] = [...path, i];
    const problem = namespaceSlashHostProblem(host, { gateway: false });
    if (problem) {
      out.push({
        path: at,
        on: 'value',
        message:
          `The webhook rejects the egress host "${host}": ${problem}. Write namespace/host, e.g. "./*" for this namespace, ` +
          '"istio-system/*", or "*/api.example.com".',
      });
    }
    const slash = host.indexOf('/');
    if (slash < 0) return;
    const ns = host.slice(0, slash) === '.' ? namespace : host.slice(0, slash);
    const name = host.slice(slash + 1);
    const seen = byNamespace.get(ns) ?? new Set<string>();
    byNamespace.set(ns, seen);
    const repeated = name === '*' ? seen.size > 0 : seen.has(name) || seen.has('*');
    if (repeated) {
      out.push({
        path: at,
        on: 'value',
        severity: 'warning',
        message:
          `The webhook warns: "duplicated egress host: ` +
          `${host}"; an earlier host of this listener already covers it. Remove one of them.`,
      });
    }
    seen.add(name);
    if (ns === '*' && name === '*' && everything < 0) everything = i;
  });
  if (everything >= 0 && byNamespace.size !== 1) {
    out.push({
      path: [...path, everything],
      on: 'value',
      severity: 'warning',
      message:
        'The webhook warns: "`*/*` host select all resources, no other hosts can be added". ' +
        'Keep "*/*" alone to import everything, or list only the namespaces and hosts you need.',
    });
  }
  return out;
}
