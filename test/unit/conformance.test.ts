// Conformance with upstream: every fixture, every example and a few thousand documents generated
// from our schemas (mutated with fast-check, fixed seed) go to meshlint and to the validators that
// @kubernetes-models generates from the upstream CRDs and API types. Both must give the same
// accept/reject verdict, or the difference must be one of the documented, justified ones below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { PACKAGE_DIR, registry } from '../support/engine';
import { yamlFilesUnder } from '../support/yaml-files';
import { loadOracle, type OracleError } from '../support/oracle';
import { MUTATIONS, mutate, type Plan } from '../support/mutate';
import type { Schema } from '../support/schema-walk';
import { splitDocuments } from '../../server/src/core/split';
import { analyzeDocument } from '../../server/src/core/analyze-document';
import { DOCUMENT_RULES } from '../../server/src/core/rules/index';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { identify } from '../../server/src/core/resources';
import type { SchemaError } from '../../server/src/core/schema';

const SEED = 20261128;
const GENERATED = 2400;

/**
 * Checks meshlint makes that the oracle cannot: each API rule models a CEL rule of the CRD or a check
 * of an admission webhook, which generated validators do not contain. When meshlint rejects a
 * document only because of these, the disagreement is expected.
 */
const RULE_ORIGINS: Record<string, string> = {
  'unknown-api-version': 'no such kind/version is served; the oracle has no validator for it either',
  'empty-required-value':
    'the API server drops null fields before validating and then finds a required one missing (or a null list item of the wrong type); the oracle has no notion of pruning',
  'istio-exclusive-fields': 'oneOf groups of the Istio CRDs (protobuf oneofs); the oracle checks them too, so this normally agrees',
  'peer-authentication-port-level-requires-selector': 'CEL rule of the PeerAuthentication CRD',
  'peer-authentication-port-range': 'CEL rule of the PeerAuthentication CRD (port keys 1..65535)',
  'workload-selector-labels': 'CEL rules of the WorkloadSelector type (no wildcards, no empty keys)',
  'service-entry-invalid': 'CEL rules and list keys of the ServiceEntry CRD, and the Istio webhook (ValidateServiceEntry)',
  'workload-entry-invalid': 'CEL rules of the WorkloadEntry CRD and the Istio webhook (validateWorkloadEntry)',
  'workload-group-invalid': 'CEL rules of the WorkloadGroup CRD and the Istio webhook (validateReadinessProbe)',
  'wasm-plugin-invalid': 'CEL rules and list keys of the WasmPlugin CRD, and the Istio webhook (ValidateWasmPlugin)',
  'envoy-filter-invalid': 'CEL rules of the EnvoyFilter CRD (waypoint match, port, targetRefs) and the Istio webhook (ValidateEnvoyFilter)',
  'telemetry-tag-override': 'CEL rules of the Telemetry CRD and the Istio webhook (validateTelemetryMetrics)',
  'gateway-servers-invalid': 'Istio validation webhook (ValidateGateway, validateServerPort)',
  'destination-rule-invalid': 'Istio validation webhook (ValidateDestinationRule and its traffic policy checks)',
  'sidecar-invalid': 'Istio validation webhook (ValidateSidecar)',
  'virtual-service-invalid':
    'Istio validation webhook (ValidateVirtualService: hosts, gateways, delegation, TLS/TCP routes, matches, regexes)',
  'telemetry-tracing': 'Istio validation webhook (validateTelemetryTracing)',
  'telemetry-access-log-filter': 'Istio validation webhook (validateTelemetryFilter parses the expression as CEL)',
  'traffic-extension-invalid': 'CEL rules and list keys of the TrafficExtension CRD',
  'istio-export-to': 'Istio validation webhook (validateExportTo)',
  'virtual-service-http-invalid': 'Istio validation webhook (validateHTTPRoute and the validateHTTP* checks)',
  'istio-duration-milliseconds':
    "CEL rules duration(self) >= duration('1ms') of the networking and telemetry CRDs, and the webhook's ValidateDuration",
  'policy-target-one-of': 'CEL rule of the policy CRDs and the Istio webhook',
  'policy-target-ref': 'CEL rules of PolicyTargetReference and the Istio webhook',
  'authorization-policy-service-accounts': 'CEL rule of the AuthorizationPolicy CRD and the Istio webhook',
  'authorization-policy-rules-required': 'Istio validation webhook',
  'authorization-policy-provider': 'Istio validation webhook',
  'authorization-policy-custom-identity': 'Istio validation webhook',
  'authorization-policy-empty-match': 'Istio validation webhook',
  'authorization-policy-condition': 'Istio validation webhook',
  'authorization-policy-value-format': 'Istio validation webhook',
  'request-authentication-jwt-rule': 'Istio validation webhook',
  'certificate-issuer-ref': 'cert-manager validation webhook',
  'certificate-secret-name': 'cert-manager validation webhook',
  'certificate-identity-required': 'cert-manager validation webhook',
  'certificate-common-name-length': 'cert-manager validation webhook',
  'certificate-private-key': 'cert-manager validation webhook',
  'certificate-signature-algorithm': 'cert-manager validation webhook',
  'certificate-duration': 'cert-manager validation webhook (and Go duration parsing)',
  'certificate-revision-history-limit': 'cert-manager validation webhook',
  'certificate-renewal-windows': 'cert-manager validation webhook (validateCertificateRenewal)',
  'bundle-invalid': 'trust-manager validation webhook (pkg/webhook/validation.go validate)',
  'certificate-name-constraints': 'cert-manager validation webhook',
  'certificate-keystore-password': 'cert-manager validation webhook',
  'certificate-san-values': 'cert-manager validation webhook',
  'issuer-one-type': 'cert-manager validation webhook',
  'issuer-acme': 'cert-manager validation webhook',
  'issuer-acme-solvers': 'cert-manager validation webhook',
  'issuer-ca': 'cert-manager validation webhook',
  'issuer-vault': 'cert-manager validation webhook',
  'issuer-venafi': 'cert-manager validation webhook',
  'gateway-tls-without-certificate': 'Istio validation webhook (a TLS server needs a certificate)',
  'gateway-server-tls': 'Istio validation webhook (validateServer, validateTLSOptions)',
  'sidecar-ingress-tls': 'Istio validation webhook (ValidateSidecar ingress TLS, validateTLSOptions)',
  'destination-rule-tls-settings': 'Istio validation webhook (agent ValidateTLS)',
  'authorization-policy-path-template': 'Istio validation webhook (security.CheckValidPathTemplate)',
  'certificate-secret-template': 'cert-manager validation webhook',
  'certificate-literal-subject': 'cert-manager validation webhook',
  'certificate-additional-output-formats': 'cert-manager validation webhook',
  'issuer-acme-dns-providers': 'cert-manager validation webhook',
  'istio-dry-run-annotation': 'Istio validation webhook (checkDryRunAnnotation)',
  'certificate-request-csr': 'cert-manager validation webhook (ValidateCertificateRequestSpec)',
};

/** Schema checks of ours the oracle does not make, keyed by cause (see causesOfOurs). */
const OUR_EXTRA_CHECKS: Record<string, string> = {
  'schema:unknown-field':
    'unknown fields: the oracle ignores them; kubectl (strict field validation, the default since Kubernetes 1.27) rejects them, and so do we',
  'schema:null':
    'null for a typed field: the API server prunes it and the oracle accepts it; we report it because a bare `key:` is almost always an unfinished edit',
};

/** Oracle checks we deliberately do not make, keyed by cause (see causesOfOracle). */
const ORACLE_EXTRA_CHECKS: Record<string, string> = {
  'oracle:not-served':
    'a kind newer than the @kubernetes-models packages (TrafficExtension, Istio 1.30): no validator there; schema-drift.test.ts checks it against the upstream CRD',
  'oracle:enum@/spec/keystores/pkcs12/profile': "Modern2026 (cert-manager 1.21) is newer than the oracle's enum",
  'oracle:null-field':
    "a field written without a value: the API server drops it before validating (so an optional one is accepted, as we accept it with a warning); the oracle checks null against the field's type or enum",
};

interface Doc {
  source: string;
  text: string;
}

interface Verdict {
  ours: boolean;
  oracle: boolean;
  ourCauses: string[];
  oracleCauses: string[];
  /** Rules that threw on this document. */
  crashes: string[];
}

/** Rules for what the cluster rejects: every rule in the api category, wherever it is registered. */
const API_RULES = DOCUMENT_RULES.filter((r) => r.meta.category === 'api');
const API_RULE_IDS = new Set(API_RULES.map((r) => r.meta.id));

function dataAt(value: unknown, p: (string | number)[]): unknown {
  let cur = value;
  for (const seg of p) cur = (cur as Record<string | number, unknown> | null | undefined)?.[seg];
  return cur;
}

/** Why our schema rejects the value, one cause per raw error. */
function schemaCauses(errors: SchemaError[], value: unknown): string[] {
  return errors.map((e) => {
    if (e.keyword === 'additionalProperties') return 'schema:unknown-field';
    if (dataAt(value, e.path) === null) return 'schema:null';
    return `schema:${e.keyword}@/${e.path.join('/')}`;
  });
}

/** Why the oracle rejects the value, one cause per error; a null field is recognised as such. */
function oracleCauses(errors: OracleError[] | null | undefined, value: unknown): string[] {
  return (errors ?? []).map((e) => {
    const keys = e.instancePath
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const parent = dataAt(value, keys.slice(0, -1));
    const isField = keys.length > 0 && parent !== null && typeof parent === 'object' && !Array.isArray(parent);
    if (isField && dataAt(value, keys) === null) return 'oracle:null-field';
    return `oracle:${e.keyword}@${e.instancePath || '/'}`;
  });
}

async function judge(text: string): Promise<Verdict | undefined> {
  const result = analyzeDocument(text, { schemas: registry(), rules: DOCUMENT_RULES, config: DEFAULT_CONFIG });
  const r = result.resource;
  if (!r || !r.mesh || result.syntax.some((f) => f.severity === 'error')) return undefined;
  if (result.findings.some((f) => f.ruleId === 'helm-template')) return undefined;
  const value = result.parsed.value;
  const ourErrors = result.findings.filter(
    (f) => f.severity === 'error' && (f.ruleId === 'schema-validation' || API_RULE_IDS.has(f.ruleId)),
  );
  const kind = registry().find(r.group, r.version, r.kind);
  const causes = new Set<string>();
  for (const f of ourErrors) if (f.ruleId !== 'schema-validation') causes.add(`rule:${f.ruleId}`);
  if (kind) for (const c of schemaCauses(registry().validate(kind, value), value)) causes.add(c);
  const oracle = await loadOracle(r.group, r.version, r.kind);
  const accepted = oracle ? oracle(value) : false;
  return {
    ours: ourErrors.length === 0,
    oracle: accepted,
    ourCauses: [...causes],
    oracleCauses: oracle ? oracleCauses(oracle.errors, value) : ['oracle:not-served'],
    crashes: result.internalErrors,
  };
}

/** A documented reason for the disagreement, or undefined when it is unexplained (a bug). */
function explain(v: Verdict): string | undefined {
  if (!v.ours && v.oracle) {
    const reasons = v.ourCauses.map((c) =>
      c.startsWith('rule:') ? RULE_ORIGINS[c.slice(5)] && `rule: ${c.slice(5)}` : OUR_EXTRA_CHECKS[c] && c,
    );
    return reasons.length && reasons.every(Boolean) ? [...new Set(reasons)].sort().join(' + ') : undefined;
  }
  if (v.ours && !v.oracle) {
    const reasons = v.oracleCauses.map((c) => Object.keys(ORACLE_EXTRA_CHECKS).find((k) => c.startsWith(k)));
    return reasons.length && reasons.every(Boolean) ? [...new Set(reasons)].sort().join(' + ') : undefined;
  }
  return undefined;
}

function fileDocs(): Doc[] {
  const files = [
    ...yamlFilesUnder(path.join(PACKAGE_DIR, 'test', 'fixtures')),
    ...yamlFilesUnder(path.join(PACKAGE_DIR, 'examples')),
  ].sort();
  return files.flatMap((file) =>
    splitDocuments(fs.readFileSync(file, 'utf8')).map((chunk, i) => ({
      source: `${path.relative(PACKAGE_DIR, file)}#${i}`,
      text: chunk.text,
    })),
  );
}

function generatedDocs(): Doc[] {
  const reg = registry();
  const bases: { value: Record<string, unknown>; root: Schema; name: string }[] = [];
  for (const k of reg.bundle.kinds) {
    const file = path.join(PACKAGE_DIR, 'test', 'fixtures', 'schemas', k.group, k.version, `${k.kind}.valid.yaml`);
    if (!fs.existsSync(file)) continue;
    const root = reg.schemaById(k.id) as Schema;
    splitDocuments(fs.readFileSync(file, 'utf8')).forEach((chunk, i) => {
      const value = analyzeDocument(chunk.text, { schemas: reg, rules: [], config: DEFAULT_CONFIG }).parsed.value;
      const id = identify(value);
      if (id && id.group === k.group && id.version === k.version && id.kind === k.kind)
        bases.push({ value: value as Record<string, unknown>, root, name: `${k.group}/${k.version}/${k.kind}#${i}` });
    });
  }
  assert.ok(bases.length > 0, 'no base documents under test/fixtures/schemas');
  const plans = fc.sample(fc.record<Plan>({ base: fc.nat(), mutation: fc.constantFrom(...MUTATIONS), target: fc.nat(), pick: fc.nat() }), {
    seed: SEED,
    numRuns: GENERATED * 3,
  });
  const docs: Doc[] = [];
  for (const plan of plans) {
    if (docs.length >= GENERATED) break;
    const base = bases[plan.base % bases.length];
    const doc = mutate(reg, base.value, base.root, plan);
    if (!doc) continue;
    docs.push({ source: `generated ${plan.mutation} of ${base.name} (target ${plan.target}, pick ${plan.pick})`, text: stringify(doc) });
  }
  return docs;
}

test('every error-severity API rule names the upstream check it models', () => {
  for (const rule of API_RULES) {
    if (rule.meta.defaultSeverity !== 'error') continue;
    assert.ok(RULE_ORIGINS[rule.meta.id], `${rule.meta.id} is missing from RULE_ORIGINS in conformance.test.ts`);
  }
});

test('meshlint and the upstream-generated validators agree on every document, or differ for a documented reason', async (t) => {
  const corpus = [...fileDocs(), ...generatedDocs()];
  let checked = 0;
  let agreed = 0;
  let fromFiles = 0;
  const documented = new Map<string, number>();
  const unexplained: string[] = [];
  const crashes: string[] = [];
  for (const doc of corpus) {
    const v = await judge(doc.text);
    if (!v) continue;
    crashes.push(...v.crashes.map((c) => `${doc.source}: ${c}`));
    checked++;
    if (!doc.source.startsWith('generated')) fromFiles++;
    if (v.ours === v.oracle) {
      agreed++;
      continue;
    }
    const reason = explain(v);
    if (reason) {
      documented.set(reason, (documented.get(reason) ?? 0) + 1);
      continue;
    }
    unexplained.push(
      `${doc.source}: meshlint ${v.ours ? 'accepts' : 'rejects'}, oracle ${v.oracle ? 'accepts' : 'rejects'}\n` +
        `    ours:   ${v.ourCauses.join(', ') || '-'}\n    oracle: ${v.oracleCauses.slice(0, 4).join(', ') || '-'}`,
    );
  }
  const differences = [...documented.values()].reduce((a, b) => a + b, 0);
  const summary =
    `conformance: ${checked} documents checked (${fromFiles} from fixtures and examples, ${checked - fromFiles} generated, seed ${SEED}); ` +
    `${agreed} agreed, ${differences} documented differences, ${unexplained.length} unexplained`;
  console.log(summary);
  for (const [reason, n] of [...documented].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${reason}`);
  t.diagnostic(summary);
  if (process.env.CONFORMANCE_VERBOSE) for (const u of unexplained) console.log(u);
  assert.ok(checked - fromFiles >= 2000, `only ${checked - fromFiles} generated documents were checked`);
  assert.deepEqual(crashes.slice(0, 5), [], 'no rule may throw on any document');
  assert.deepEqual(unexplained.slice(0, 25), [], `${unexplained.length} unexplained disagreements`);
});
