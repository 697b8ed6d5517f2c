// Cluster exports (`kubectl get ... -o yaml|json`): a List is checked item by item, each finding on
// the line it is written, live-object fields are no findings, JSON is read from files and stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, lineCol, newEngine, PACKAGE_DIR } from '../support/engine';
import { runCli, spawnCli } from '../support/run-cli';
import { writeTempWorkspace } from '../support/temp-workspace';
import { factsOfText } from '../../server/src/core/workspace/extract';
import { DEFAULT_CONFIG } from '../../server/src/core/config';

const DIR = path.join(PACKAGE_DIR, 'test', 'fixtures', 'cluster-export');
const YAML_EXPORT = fs.readFileSync(path.join(DIR, 'export.yaml'), 'utf8');
const JSON_EXPORT = fs.readFileSync(path.join(DIR, 'export.json'), 'utf8');

/** `line:col` (1-based) of the nth occurrence of `needle`, plus `shift` characters. */
function at(text: string, needle: string, shift = 0): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the export`);
  const p = lineCol(text, i + shift);
  return `${p.line}:${p.col}`;
}

/** Where the PERMISSIVE mode and the allow-all rule are written in each export. */
const EXPECTED = {
  yaml: { permissive: at(YAML_EXPORT, 'mode: PERMISSIVE', 'mode: '.length), allowAll: at(YAML_EXPORT, '- {}', 2) },
  json: { permissive: at(JSON_EXPORT, '"mode": "PERMISSIVE"', '"mode": '.length), allowAll: at(JSON_EXPORT, '{}\n                ]') },
};

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
}

function findingsOf(out: string): JsonFinding[] {
  const parsed = JSON.parse(out) as { files: { findings: JsonFinding[] }[] };
  return parsed.files.flatMap((f) => f.findings);
}

function assertBothFound(findings: readonly JsonFinding[], expected: { permissive: string; allowAll: string }): void {
  const where = (id: string): string[] => findings.filter((f) => f.ruleId === id).map((f) => `${f.line}:${f.column}`);
  assert.deepEqual(where('peer-authentication-permissive'), [expected.permissive]);
  assert.deepEqual(where('authorization-policy-allow-all'), [expected.allowAll]);
  // status, managedFields, resourceVersion, uid, creationTimestamp, generation, selfLink: no findings.
  const others = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  assert.equal(others.length, 2, JSON.stringify(others));
}

test('a kubectl List export in YAML: both findings on their lines, live-object fields accepted', async () => {
  const run = await runCli(['--format', 'json', '--min-severity', 'hint', path.join(DIR, 'export.yaml')]);
  assert.equal(run.code, 0, run.err);
  assertBothFound(findingsOf(run.out), EXPECTED.yaml);
});

test('the same export as a JSON file, and as JSON on standard input', async () => {
  const file = await runCli(['--format', 'json', path.join(DIR, 'export.json')]);
  assertBothFound(findingsOf(file.out), EXPECTED.json);
  const fd = fs.openSync(path.join(DIR, 'export.json'), 'r');
  try {
    const { exit } = spawnCli(['--format', 'json', '-'], fd);
    const stdin = await exit;
    assert.equal(stdin.code, 0, stdin.err);
    assertBothFound(findingsOf(stdin.out), EXPECTED.json);
  } finally {
    fs.closeSync(fd);
  }
});

test('SARIF of an export points at the lines inside the List', async () => {
  const run = await runCli(['--format', 'sarif', path.join(DIR, 'export.yaml')]);
  const sarif = JSON.parse(run.out) as {
    runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
  };
  const lines = sarif.runs[0].results.map((r) => {
    const region = r.locations[0].physicalLocation.region;
    return `${r.ruleId}@${region.startLine}:${region.startColumn}`;
  });
  assert.deepEqual(lines.sort(), [
    `authorization-policy-allow-all@${EXPECTED.yaml.allowAll}`,
    `peer-authentication-permissive@${EXPECTED.yaml.permissive}`,
  ]);
});

test('in a folder, .json files are checked only when they are Kubernetes objects', async () => {
  const dir = writeTempWorkspace({
    'cluster/export.json': JSON_EXPORT,
    'package.json': '{"name": "app", "version": "1.0.0", "kind": "not a manifest"}\n',
    'broken.json': '{"apiVersion": ',
  });
  const run = await runCli(['--format', 'json', dir]);
  const files = (JSON.parse(run.out) as { files: { path: string }[] }).files.map((f) => path.relative(dir, f.path));
  assert.deepEqual(files, [path.join('cluster', 'export.json')]);
  assert.equal(run.code, 0, run.err);
});

test('--fix leaves a JSON export as it is (fixes are YAML edits)', async () => {
  const dir = writeTempWorkspace({ 'export.json': JSON_EXPORT });
  await runCli(['--fix', dir]);
  assert.equal(fs.readFileSync(path.join(dir, 'export.json'), 'utf8'), JSON_EXPORT);
});

test('any *List kind is read item by item, also a List written on one JSON line', () => {
  const item = (mode: string): string =>
    `{"apiVersion":"security.istio.io/v1","kind":"PeerAuthentication","metadata":{"name":"p","namespace":"ns-${mode}"},"spec":{"mtls":{"mode":"${mode}"}}}`;
  const text = `{"apiVersion":"security.istio.io/v1","kind":"PeerAuthenticationList","items":[${item('STRICT')},${item('PERMISSIVE')}]}\n`;
  const found = analyze(text).filter((f) => f.ruleId === 'peer-authentication-permissive');
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), '"PERMISSIVE"');
  assert.equal(found[0].start, text.lastIndexOf('"PERMISSIVE"'));
});

test('a List whose items share anchors is checked as one document, without false syntax errors', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- &pa',
    '  apiVersion: security.istio.io/v1',
    '  kind: PeerAuthentication',
    '  metadata: {name: a, namespace: x}',
    '  spec: {mtls: {mode: STRICT}}',
    '- *pa',
    '',
  ].join('\n');
  const analysis = newEngine().analyze(text, DEFAULT_CONFIG);
  assert.equal(analysis.documents.length, 1);
  assert.deepEqual(analysis.findings, []);
});

test('facts of List items: creationTimestamp is kept, and new documents go after the List', () => {
  const facts = factsOfText('file:///ws/export.yaml', YAML_EXPORT).facts;
  const pa = facts.find((f) => f.kind === 'PeerAuthentication');
  const ap = facts.find((f) => f.kind === 'AuthorizationPolicy');
  assert.equal(pa?.created, '2026-01-12T09:30:00Z');
  assert.equal(ap?.created, '2026-01-12T09:31:00Z');
  assert.equal(pa?.docEnd, YAML_EXPORT.length);
  assert.equal(pa?.site.line, YAML_EXPORT.split('\n').indexOf('    name: default'));
  // The editor's path (facts from the engine's analysis) agrees with the disk path.
  const analysis = newEngine().analyze(YAML_EXPORT, DEFAULT_CONFIG);
  assert.equal(analysis.documents.length, 2);
  assert.ok(analysis.documents.every((d) => d.listEnd === YAML_EXPORT.length));
});
