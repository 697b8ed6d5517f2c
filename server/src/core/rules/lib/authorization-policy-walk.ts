// Walks an AuthorizationPolicy's rules, sources, operations and conditions with their data paths,
// so each AuthorizationPolicy rule reports on the exact entry.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { listAt, recordAt, stringAt } from './go-values';

export interface Entry {
  /** The mapping (undefined when the list item is not one). */
  value: Record<string, unknown> | undefined;
  path: PathSegment[];
}

export interface PolicyRule extends Entry {
  index: number;
  /** The list item as written (null for a bare `- `), where `value` keeps only mappings. */
  raw: unknown;
  from: Entry[];
  to: Entry[];
  when: Entry[];
}

export function policyAction(value: Record<string, unknown>): string {
  return stringAt(recordAt(value, 'spec'), 'action') || 'ALLOW';
}

function entries(holder: Record<string, unknown> | undefined, key: string, base: PathSegment[]): Entry[] {
  return listAt(holder, key).map((item, i) => ({ value: asRecord(item), path: [...base, key, i] }));
}

/**
 * Some ten rules walk every AuthorizationPolicy's rules: the walk is done once per document value
 * and shared, so callers must not change what it returns.
 */
const walked = new WeakMap<Record<string, unknown>, readonly PolicyRule[]>();

export function policyRules(value: Record<string, unknown>): readonly PolicyRule[] {
  let rules = walked.get(value);
  if (!rules) walked.set(value, (rules = walkRules(value)));
  return rules;
}

function walkRules(value: Record<string, unknown>): PolicyRule[] {
  return listAt(recordAt(value, 'spec'), 'rules').map((item, index) => {
    const rule = asRecord(item);
    const path: PathSegment[] = ['spec', 'rules', index];
    return {
      value: rule,
      raw: item,
      path,
      index,
      from: entries(rule, 'from', path),
      to: entries(rule, 'to', path),
      when: entries(rule, 'when', path),
    };
  });
}

/** Source fields that carry peer identity or addresses (everything except request principals). */
export const SOURCE_FIELDS = [
  'principals',
  'notPrincipals',
  'requestPrincipals',
  'notRequestPrincipals',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
  'ipBlocks',
  'notIpBlocks',
  'remoteIpBlocks',
  'notRemoteIpBlocks',
  'trustDomains',
  'notTrustDomains', // Istio 1.30
];

export const OPERATION_FIELDS = ['hosts', 'notHosts', 'ports', 'notPorts', 'methods', 'notMethods', 'paths', 'notPaths'];
