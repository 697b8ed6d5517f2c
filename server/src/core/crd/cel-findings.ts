// Words and places the outcomes of CRD CEL rules: a failure is an error on the rule's fieldPath
// (or the value the rule sits on) carrying the CRD's message; a rule meshlint cannot run is one
// info note per document. Also drops our own findings that a failed CRD rule already reports.
import { locate, nearestSpan, type Span } from '../locate';
import type { YNode } from '../parse';
import { SCHEMA_RULE_ID, describePath } from '../schema-findings';
import type { Finding } from '../types';
import type { CelOutcome, DataPath } from './cel-rules';

/**
 * Our rules that check what a CRD rule checks: the CRD rule texts they match and, where the rule
 * checks more than that, which of its messages. A finding of ours that quotes the CRD rule's
 * message (as our messages quote the API server's) is a twin too, without an entry here.
 */
const CEL_TWINS: { ruleId: string; cel: RegExp; ours?: RegExp }[] = [
  { ruleId: 'policy-target-one-of', cel: /has\(self\.selector\)[\s\S]*has\(self\.targetRef/ },
  { ruleId: 'peer-authentication-port-range', cel: /0 < (?:self|int\(key\)) && (?:self|int\(key\)) <= 65535/ },
  { ruleId: 'peer-authentication-port-level-requires-selector', cel: /has\(self\.portLevelMtls\)/ },
  { ruleId: 'authorization-policy-service-accounts', cel: /has\(self\.serviceAccounts\)/, ours: /Cannot set serviceAccounts/ },
  { ruleId: 'issuer-venafi', cel: /has\(self\.tpp\)[\s\S]*has\(self\.cloud\)/, ours: /talks to one service|neither tpp nor cloud/ },
  { ruleId: 'workload-selector-labels', cel: /key\.size\(\) != 0|!key\.contains\("\*"\)|!self\.contains\("\*"\)/ },
  { ruleId: 'istio-exclusive-fields', cel: /\(has\(self\.\w+\) \? 1 : 0\) \+/ },
  { ruleId: 'request-authentication-jwt-rule', cel: /url\(self\)\.getScheme\(\)/, ours: /URI scheme/ },
];

/** `.a.b`, `['a.b']` or `[0]` after the rule's own path. */
export function parseFieldPath(fieldPath: string): DataPath {
  const out: DataPath = [];
  const re = /\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g;
  for (let m = re.exec(fieldPath); m; m = re.exec(fieldPath)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2].replace(/\\(.)/g, '$1'));
    else out.push(Number(m[3]));
  }
  return out;
}

export function celFindings(outcomes: readonly CelOutcome[], root: YNode | null, kind: string): Finding[] {
  const out: Finding[] = [];
  const noted = new Set<string>();
  for (const o of outcomes) {
    if (o.status === 'unevaluable') {
      if (noted.has(o.spec.rule)) continue;
      noted.add(o.spec.rule);
    }
    const path = o.status === 'failed' && o.spec.fieldPath ? [...o.at, ...parseFieldPath(o.spec.fieldPath)] : o.at;
    const span = nearestSpan(root, path, 'key') ?? firstKey(root);
    if (!span) continue;
    const rule = o.spec.rule.trim().replace(/\s+/g, ' ');
    const message =
      o.status === 'failed'
        ? `The ${kind} CRD rejects \`${describePath(path)}\`: ${o.message}`
        : `The ${kind} CRD has a validation rule meshlint cannot check here (\`${rule}\`): ${o.message}. The API server still applies it.`;
    out.push({ ruleId: SCHEMA_RULE_ID, severity: o.status === 'failed' ? 'error' : 'info', message, start: span.start, end: span.end });
  }
  return out;
}

function firstKey(root: YNode | null): Span | undefined {
  return root ? { start: root.start, end: Math.min(root.end, root.start + 1) } : undefined;
}

/** The text range of a value with its key: what a rule attached there is about. */
function regionOf(root: YNode | null, path: DataPath): Span | undefined {
  const loc = locate(root, path);
  if (!loc?.value) return undefined;
  return { start: loc.key ? loc.key.start : loc.value.start, end: loc.value.end };
}

interface TwinZone {
  region: Span;
  /** Which of our findings in the region say the same; a rule id alone means all of that rule's. */
  matches(f: Finding): boolean;
}

/** Our rules that check what a CRD's structural oneOf ("only one of these fields") checks. */
const ONE_OF_TWINS = ['istio-exclusive-fields'];

/**
 * Our findings inside a value whose CRD rule of the same meaning failed are dropped: the CRD's
 * wins. `oneOfPaths`: values that failed a oneOf of the CRD's schema.
 */
export function dropCelTwins(
  findings: Finding[],
  outcomes: readonly CelOutcome[],
  root: YNode | null,
  oneOfPaths: readonly DataPath[] = [],
): Finding[] {
  const zones: TwinZone[] = [];
  for (const p of oneOfPaths) {
    const region = regionOf(root, p);
    if (region) zones.push({ region, matches: (f) => ONE_OF_TWINS.includes(f.ruleId) });
  }
  for (const o of outcomes) {
    if (o.status !== 'failed') continue;
    const region = regionOf(root, o.at);
    if (!region) continue;
    const quoted = o.spec.message ? `"${o.spec.message}"` : undefined;
    if (quoted) zones.push({ region, matches: (f) => f.message.includes(quoted) });
    for (const t of CEL_TWINS) {
      if (t.cel.test(o.spec.rule)) zones.push({ region, matches: (f) => f.ruleId === t.ruleId && (!t.ours || t.ours.test(f.message)) });
    }
  }
  if (zones.length === 0) return findings;
  const inside = (f: Finding, r: Span): boolean => f.start >= r.start && f.end <= r.end;
  return findings.filter((f) => f.ruleId === SCHEMA_RULE_ID || !zones.some((z) => inside(f, z.region) && z.matches(f)));
}
