// Reads AccessTests documents (apiVersion meshlint.dev/v1alpha1): each test becomes an AccessQuery
// with its expectation and the places an answer points at (the test's `-` entry, its `expect:` key).
import type { Site } from '../workspace/facts';
import type { AccessQuery, AccessSource, Reason } from './types';
import { parseYaml, type YNode } from '../parse';
import { splitDocuments } from '../split';
import { LineIndex } from '../line-index';
import { keySpan, locate, type PathSegment } from '../locate';
import { asRecord } from '../resources';

export const ACCESS_TESTS_API_VERSION = 'meshlint.dev/v1alpha1';
export const ACCESS_TESTS_KIND = 'AccessTests';

export type ExpectedVerdict = 'ALLOW' | 'DENY' | 'CUSTOM' | 'UNKNOWN';

export interface AccessTestCase {
  name: string;
  query: AccessQuery;
  expect: ExpectedVerdict;
  /** `<namespace>/<policy>` or `<namespace>/<policy>#<rule>`. */
  decidedBy?: string;
  reason?: Reason;
  ifCustomAllows?: string;
  missing?: string[];
  /** The test's entry (its first key), and its `expect:` key. */
  site: Site;
  expectSite: Site;
}

export interface AccessTestsProblem {
  message: string;
  site: Site;
}

export interface AccessTestsFile {
  tests: AccessTestCase[];
  /** Malformed tests: each one fails, reported where it is written. */
  problems: AccessTestsProblem[];
}

const VERDICTS = ['ALLOW', 'DENY', 'CUSTOM', 'UNKNOWN'];

/** A quick text test before parsing: the editor and CLI call this on every YAML file. */
export function mayHoldAccessTests(text: string): boolean {
  return text.includes(ACCESS_TESTS_KIND) && text.includes('meshlint.dev/');
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** A test's or the command line's source; a string says what is wrong with it (naming `from`). */
export function parseSource(v: unknown): AccessSource | string {
  if (v === 'plaintext') return { plaintext: true };
  if (typeof v === 'string') {
    if (v.startsWith('spiffe://')) return { principal: v };
    const colon = /^([^/:\s]+):([^/:\s]+)$/.exec(v);
    if (colon) return { namespace: colon[1], serviceAccount: colon[2] };
    return /^[^/\s]+\/[^/\s]+$/.test(v) ? { workload: v } : `from "${v}" is not ns/workload, ns:serviceAccount, spiffe://... or plaintext`;
  }
  const r = asRecord(v);
  if (r?.plaintext === true) return { plaintext: true };
  if (typeof r?.principal === 'string') return { principal: r.principal };
  if (typeof r?.namespace === 'string' && typeof r.serviceAccount === 'string')
    return { namespace: r.namespace, serviceAccount: r.serviceAccount };
  if (typeof r?.workload === 'string') return { workload: r.workload };
  return 'from needs ns/workload, {namespace, serviceAccount}, {principal} or plaintext';
}

function parseDestination(v: unknown): AccessQuery['destination'] | string {
  if (typeof v === 'string') return { workload: v };
  const r = asRecord(v);
  if (!r || typeof r.workload !== 'string') return 'to needs {workload: ns/name, ...}';
  if (r.targetPort !== undefined) {
    const t = Number(r.targetPort);
    return Number.isInteger(t) ? { workload: r.workload, targetPort: t } : 'to.targetPort must be a number';
  }
  const port = r.port ?? r.servicePort;
  if (port !== undefined && !Number.isInteger(Number(port))) return 'to.port must be a number';
  return { workload: r.workload, service: str(r.service), servicePort: port === undefined ? undefined : Number(port) };
}

/** The request part of a test or a CLI query, keeping only values of the right type. */
export function requestOf(r: Record<string, unknown>): NonNullable<AccessQuery['request']> {
  const out: NonNullable<AccessQuery['request']> = {};
  for (const k of ['method', 'path', 'host', 'jwt', 'scheme'] as const) if (str(r[k]) !== undefined) out[k] = str(r[k]);
  const headers = asRecord(r.headers);
  if (headers) {
    out.headers = {};
    for (const [name, v] of Object.entries(headers)) {
      if (Array.isArray(v)) out.headers[name] = v.map((x) => String(x));
      else if (str(v) !== undefined) out.headers[name] = str(v) ?? '';
    }
  }
  const claims = asRecord(r.jwtClaims);
  if (claims) out.jwtClaims = claims;
  return out;
}

/** Builds one test; a string is what is wrong with it. */
export function parseTest(r: Record<string, unknown>): Omit<AccessTestCase, 'site' | 'expectSite'> | string {
  const name = str(r.name) ?? '(unnamed)';
  const source = parseSource(r.from);
  if (typeof source === 'string') return source;
  const destination = parseDestination(r.to);
  if (typeof destination === 'string') return destination;
  const expect = str(r.expect)?.toUpperCase();
  if (!expect || !VERDICTS.includes(expect)) return `expect must be ALLOW, DENY or CUSTOM`;
  const query: AccessQuery = { source, destination };
  if (r.protocol === 'http' || r.protocol === 'tcp') query.protocol = r.protocol;
  else if (r.protocol !== undefined) return 'protocol must be http or tcp';
  const request = asRecord(r.request);
  if (request) query.request = requestOf(request);
  const network = asRecord(r.network);
  if (network) {
    const n: NonNullable<AccessQuery['network']> = {};
    for (const k of ['sourceIp', 'remoteIp', 'destinationIp', 'sni'] as const) if (str(network[k]) !== undefined) n[k] = str(network[k]);
    query.network = n;
  }
  const assume = asRecord(r.assume);
  if (assume && typeof assume.mtls === 'boolean') query.assume = { mtls: assume.mtls };
  const test: Omit<AccessTestCase, 'site' | 'expectSite'> = { name, query, expect: expect as ExpectedVerdict };
  if (r.decidedBy !== undefined) test.decidedBy = str(r.decidedBy);
  if (typeof r.reason === 'string') test.reason = r.reason as Reason;
  if (typeof r.ifCustomAllows === 'string') test.ifCustomAllows = r.ifCustomAllows;
  if (Array.isArray(r.missing)) test.missing = r.missing.map(String);
  return test;
}

export function parseAccessTests(uri: string, text: string): AccessTestsFile {
  const out: AccessTestsFile = { tests: [], problems: [] };
  if (!mayHoldAccessTests(text)) return out;
  const lines = new LineIndex(text);
  for (const chunk of splitDocuments(text)) {
    const parsed = parseYaml(chunk.text);
    const doc = asRecord(parsed.value);
    if (!doc || doc.apiVersion !== ACCESS_TESTS_API_VERSION || doc.kind !== ACCESS_TESTS_KIND) continue;
    const site = (path: PathSegment[]): Site => {
      const loc = locate(parsed.root, path);
      const span = (loc && keySpan(loc)) ?? { start: 0, end: 0 };
      return siteAt(uri, lines, chunk.start + span.start, chunk.start + span.end);
    };
    const tests = Array.isArray(doc.tests) ? (doc.tests as unknown[]) : [];
    if (!Array.isArray(doc.tests)) out.problems.push({ message: 'AccessTests needs a `tests:` list', site: site(['kind']) });
    tests.forEach((t, i) => {
      const r = asRecord(t);
      const entry = firstKeySite(parsed.root, ['tests', i]) ?? site(['tests', i]);
      const at = (s: { start: number; end: number } | Site): Site =>
        'uri' in s ? s : siteAt(uri, lines, chunk.start + s.start, chunk.start + s.end);
      if (!r) {
        out.problems.push({ message: 'a test must be a map', site: at(entry) });
        return;
      }
      const test = parseTest(r);
      const expectSite = r.expect !== undefined ? site(['tests', i, 'expect']) : at(entry);
      if (typeof test === 'string') out.problems.push({ message: `${str(r.name) ?? `test ${i}`}: ${test}`, site: expectSite });
      else out.tests.push({ ...test, site: at(entry), expectSite });
    });
  }
  return out;
}

function firstKeySite(root: YNode | null, path: PathSegment[]): { start: number; end: number } | undefined {
  const v = locate(root, path)?.value;
  if (v?.kind === 'map' && v.pairs[0]?.key) return { start: v.pairs[0].key.start, end: v.pairs[0].key.end };
  return v ? { start: v.start, end: v.end } : undefined;
}

function siteAt(uri: string, lines: LineIndex, start: number, end: number): Site {
  const a = lines.position(start);
  const b = lines.position(end);
  return { uri, start, end, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
}
