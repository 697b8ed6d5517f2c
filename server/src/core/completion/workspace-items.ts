// Completion of names the open folder defines: principals built from known ServiceAccounts,
// namespaces, issuers, and label keys and values of workloads a selector can pick.
import type { PathSegment } from '../locate';
import { pathKey, type CursorContext } from '../editing/cursor-context';
import { yamlString } from './insert-text';
import type { Suggestion, WorkspaceHints } from './types';

interface Candidate {
  label: string;
  detail: string;
}

function last(path: readonly PathSegment[], n = 1): PathSegment | undefined {
  return path[path.length - n];
}

/** Label maps that select workloads, by the key above them. */
function isLabelSelector(path: readonly PathSegment[], kind: string | undefined): boolean {
  const holder = last(path);
  if (holder === 'matchLabels') return true;
  if (holder === 'labels' && last(path, 2) === 'workloadSelector') return true;
  return kind === 'Gateway' && path.length === 2 && path[0] === 'spec' && holder === 'selector';
}

function candidates(
  path: readonly PathSegment[],
  slot: CursorContext['slot'],
  ctx: CursorContext,
  hints: WorkspaceHints,
  trustDomain: string,
): Candidate[] {
  const scalar = (p: PathSegment[]): string | undefined => ctx.scalars.get(pathKey(p));
  const kind = scalar(['kind']);
  const namespace = scalar(['metadata', 'namespace']);
  const listField = typeof last(path) === 'number' ? last(path, 2) : undefined;
  const sameNamespace = <T extends { namespace?: string }>(xs: readonly T[]): T[] =>
    namespace === undefined ? [...xs] : xs.filter((x) => x.namespace === namespace);

  if (slot !== 'key') {
    if (listField === 'principals' || listField === 'notPrincipals') {
      return hints.serviceAccounts.map((sa) => ({
        label: `${trustDomain}/ns/${sa.namespace}/sa/${sa.name}`,
        detail: `ServiceAccount ${sa.namespace}/${sa.name}`,
      }));
    }
    if (listField === 'serviceAccounts' || listField === 'notServiceAccounts') {
      return hints.serviceAccounts.map((sa) => ({ label: `${sa.namespace}/${sa.name}`, detail: 'ServiceAccount' }));
    }
    if (
      listField === 'namespaces' ||
      listField === 'notNamespaces' ||
      (path.length === 2 && path[0] === 'metadata' && path[1] === 'namespace')
    ) {
      return hints.namespaces.map((ns) => ({ label: ns, detail: 'namespace' }));
    }
    if (last(path) === 'name' && last(path, 2) === 'issuerRef') {
      const refKind = scalar([...path.slice(0, -1), 'kind']);
      const cluster = refKind === 'ClusterIssuer';
      const issuers = hints.issuers.filter(
        (i) => i.cluster === cluster && (cluster || namespace === undefined || i.namespace === namespace),
      );
      return issuers.map((i) => ({ label: i.name, detail: i.cluster ? 'ClusterIssuer' : `Issuer in ${i.namespace ?? 'this namespace'}` }));
    }
    if (last(path) === 'credentialName' || (listField === 'credentialNames' && typeof last(path) === 'number')) {
      // A gateway reads Secrets from its workload's namespace, often not the Gateway's own: list
      // the Gateway's namespace first, then the rest.
      const secrets = [...(hints.secrets ?? [])].sort((a, b) => Number(b.namespace === namespace) - Number(a.namespace === namespace));
      return secrets.map((s) => ({ label: s.name, detail: `Secret in ${s.namespace}` }));
    }
    const labelKey = last(path);
    if (typeof labelKey === 'string' && isLabelSelector(path.slice(0, -1), kind)) {
      const pool = kind === 'Gateway' ? hints.workloads : sameNamespace(hints.workloads);
      return uniq(pool.map((w) => w.labels[labelKey]).filter((v): v is string => v !== undefined)).map((v) => ({
        label: v,
        detail: `label ${labelKey}`,
      }));
    }
    return [];
  }
  if (isLabelSelector(path, kind)) {
    const pool = kind === 'Gateway' ? hints.workloads : sameNamespace(hints.workloads);
    return uniq(pool.flatMap((w) => Object.keys(w.labels)))
      .filter((k) => !ctx.presentKeys.has(k))
      .map((k) => ({ label: k, detail: 'workload label' }));
  }
  return [];
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

export function workspaceItems(
  ctx: CursorContext,
  hints: WorkspaceHints | undefined,
  trustDomain: string,
  fileOffset: number,
): Suggestion[] {
  if (!hints) return [];
  const found = candidates(ctx.path, ctx.slot, ctx, hints, trustDomain);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const c of found) {
    if (seen.has(c.label)) continue;
    seen.add(c.label);
    const text = ctx.slot === 'key' ? `${yamlString(c.label)}: ` : ctx.quote ? c.label : yamlString(c.label);
    out.push({
      label: c.label,
      kind: 'reference',
      detail: c.detail,
      insertText: `${ctx.needsSpace ? ' ' : ''}${text}`,
      snippet: false,
      start: fileOffset + ctx.replaceStart,
      end: fileOffset + ctx.replaceEnd,
      sortText: `0${String(out.length).padStart(4, '0')}`,
      filterText: c.label,
    });
  }
  return out;
}
