// Files whose lines end in a lone `\r` (classic Mac OS) are read the way kubectl reads them: go-yaml
// ends a line at `\r` on its own (is_break, yamlprivateh.go in go-yaml/yaml, line 102), and
// `kubectl kustomize` renders such a file as the manifest it looks like. Every rule fixture's twin
// with `\r` line ends must give the findings of the fixture itself, at the same offsets, and
// `--fix` must write what it writes for the fixture, in `\r` line ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../../server/src/cli/lint';
import { firstLineSpan, hasLoneCarriageReturn, inWrittenLineEndings, withLineFeeds } from '../../server/src/core/line-breaks';
import { LineIndex } from '../../server/src/core/line-index';
import { splitDocuments } from '../../server/src/core/split';
import { directivesOf } from '../../server/src/core/suppressions';
import { suppressionEdits } from '../../server/src/core/suppression-fix';
import { completeAt } from '../../server/src/core/completion/complete';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { factsOfAnalysis, factsOfText } from '../../server/src/core/workspace/extract';
import type { Finding } from '../../server/src/core/types';
import { newEngine, PACKAGE_DIR, registry } from '../support/engine';
import { concepts } from '../support/editing';
import { FIXTURE_ROOT, type FixtureCase } from '../support/fixtures';
import { allFixtureCases } from '../support/fix-output-files';
import { analyzeWorkspace, workspaceConfig } from '../support/workspace';
import { runCli } from '../support/run-cli';
import { peerAuthentication, spiffePrincipalPolicy } from '../support/sample-manifests';
import { writeTempWorkspace } from '../support/temp-workspace';

/** The same text with every line ended by a lone `\r`. */
const classicMac = (text: string): string => text.replace(/\r?\n/g, '\r');

/** What a finding says and where, fixes included, for comparing two runs. */
const shape = (f: Finding): unknown => ({
  ruleId: f.ruleId,
  severity: f.severity,
  start: f.start,
  end: f.end,
  message: f.message,
  fixes: f.fixes?.map((x) => ({ title: x.title, edits: x.edits })),
});

/** Fixture cases none of whose files has a `\r` of its own (those are about `\r\n` already). */
const cases: FixtureCase[] = allFixtureCases().filter((fc) => fc.files.every((f) => !f.text.includes('\r')));
/** Their files, for what is checked file by file. */
const fixtureFiles = cases.flatMap((fc) => fc.files);

test('lone CR: the helpers find and replace only a `\\r` without a `\\n` after it', () => {
  assert.equal(hasLoneCarriageReturn('a\r\nb\n'), false);
  assert.equal(hasLoneCarriageReturn('a\r\nb\r'), true);
  assert.equal(hasLoneCarriageReturn('a\rb'), true);
  assert.equal(withLineFeeds('a\rb\r\nc\r'), 'a\nb\r\nc\n');
  const plain = 'kind: A\n';
  assert.equal(withLineFeeds(plain), plain);
  // Lines a fix added (`\n`) take the file's `\r` only when `\r` alone ends its lines.
  assert.equal(inWrittenLineEndings('a\rb\r', 'a\rx\nb\r'), 'a\rx\rb\r');
  assert.equal(inWrittenLineEndings('a\rb\n', 'a\rx\nb\n'), 'a\rx\nb\n');
  assert.equal(inWrittenLineEndings('a\r\nb\r\n', 'a\r\nx\r\nb\r\n'), 'a\r\nx\r\nb\r\n');
  // The span of file-wide notes (too large, kustomize's fallback): the first line, however it ends.
  assert.deepEqual(firstLineSpan('kind: A\rb: 1\r'), { start: 0, end: 7 });
  assert.deepEqual(firstLineSpan('kind: A\r\nb: 1\r\n'), { start: 0, end: 8 });
  assert.deepEqual(firstLineSpan('\nkind: A\n'), { start: 0, end: 1 });
  assert.deepEqual(firstLineSpan(''), { start: 0, end: 0 });
});

test('lone CR: LineIndex puts every offset on the line and column an LSP client does', () => {
  const text = 'a: 1\rb: 2\nc: 3\r\nd: 4\r\r\ne\r';
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, doc.lineCount);
  for (let o = 0; o <= text.length; o++) {
    // Between the two halves of a `\r\n` no finding starts or ends; the client puts such an offset
    // before the `\r`, the index after it (as it did before it read lone `\r`).
    if (text[o - 1] === '\r' && text[o] === '\n') continue;
    assert.deepEqual(lines.position(o), doc.positionAt(o), `offset ${o}`);
  }
  for (let l = 0; l < doc.lineCount; l++) assert.equal(lines.offset(l, 0), doc.offsetAt({ line: l, character: 0 }), `line ${l}`);
});

test('lone CR: a comment directive ends at the `\\r` (workspace findings are filtered on the file as written)', () => {
  const text = classicMac('# meshlint-disable-next-line\nkind: A\n# meshlint-disable-line rule-a\nkind: B\n');
  const directives = directivesOf(text);
  assert.ok(directives);
  assert.deepEqual(
    directives.blocks.map((b) => ({ from: b.fromLine, to: b.toLine, rules: b.rules && [...b.rules] })),
    [
      { from: 1, to: 1, rules: null },
      { from: 2, to: 2, rules: ['rule-a'] },
    ],
  );
});

test('lone CR: documents are split at the same offsets as in the `\\n` twin', () => {
  const lf = 'a: 1\n---\nb: 2\n...\n---\nc: 3\n';
  const cr = classicMac(lf);
  const chunks = splitDocuments(cr);
  assert.deepEqual(
    chunks.map((c) => c.start),
    splitDocuments(lf).map((c) => c.start),
  );
  assert.equal(chunks.length, 3);
  // Chunks are the file as written: a fix's offsets into them are offsets into the file.
  assert.equal(chunks.map((c) => c.text).join(''), cr);
});

test('lone CR: every rule fixture gives the same findings, at the same offsets, with `\\r` line ends', () => {
  assert.ok(cases.length > 100, `fixture cases found: ${cases.length}`);
  const mismatches: string[] = [];
  let notApplied = 0;
  for (const fc of cases) {
    const lf = analyzeWorkspace(fc.files);
    const cr = analyzeWorkspace(fc.files.map((f) => ({ file: f.file, text: classicMac(f.text) })));
    for (const f of fc.files) {
      const want = (lf.get(f.file) ?? []).map(shape);
      // Beyond those, kubectl's own splitter drops every document after the first of such a file
      // (kubectl-split.ts, tested on its own in kubectl-split.test.ts).
      const crFindings = cr.get(f.file) ?? [];
      const extra = crFindings.filter(
        (x) =>
          x.message.startsWith('kubectl does not apply this document') && !want.some((w) => JSON.stringify(w) === JSON.stringify(shape(x))),
      );
      notApplied += extra.length;
      const got = crFindings.filter((x) => !extra.includes(x)).map(shape);
      try {
        assert.deepEqual(got, want);
      } catch {
        mismatches.push(`${path.relative(FIXTURE_ROOT, f.file)}: ${JSON.stringify(got).slice(0, 400)}`);
      }
    }
  }
  assert.deepEqual(mismatches, []);
  assert.ok(notApplied > 10, `documents kubectl would not apply: ${notApplied}`);
});

test('lone CR: chunks a caller cut from the file as written (the server does) do not change the findings', () => {
  const engine = newEngine();
  let withFixes = 0;
  for (const f of fixtureFiles) {
    const cr = classicMac(f.text);
    const want = engine.analyze(cr, DEFAULT_CONFIG).findings.map(shape);
    const got = newEngine()
      .analyze(cr, DEFAULT_CONFIG, { chunks: splitDocuments(cr) })
      .findings.map(shape);
    assert.deepEqual(got, want, path.relative(FIXTURE_ROOT, f.file));
    if (want.some((x) => JSON.stringify(x).includes('"edits"'))) withFixes++;
  }
  assert.ok(withFixes > 10, `fixture files with fixes: ${withFixes}`);
});

test('lone CR: the workspace facts (sites, lines, List items, mesh config) are those of the `\\n` twin', () => {
  const engine = newEngine();
  let compared = 0;
  for (const f of fixtureFiles) {
    const cr = classicMac(f.text);
    const where = path.relative(FIXTURE_ROOT, f.file);
    assert.deepEqual(factsOfText(f.file, cr), factsOfText(f.file, f.text), `${where} (read from disk)`);
    const lf = factsOfAnalysis(f.file, f.text, engine.analyze(f.text, DEFAULT_CONFIG));
    assert.deepEqual(factsOfAnalysis(f.file, cr, engine.analyze(cr, DEFAULT_CONFIG)), lf, `${where} (open)`);
    if (lf.facts.length > 0) compared++;
  }
  assert.ok(compared > 100, `fixture files with facts: ${compared}`);
});

test('lone CR: meshlint explain and check-access print the lines of the `\\n` twin', async () => {
  const source = path.join(PACKAGE_DIR, 'examples', 'workspace-broken');
  const copies = ['lf', 'cr'].map((style) => {
    const files: Record<string, string> = {};
    for (const rel of fs.readdirSync(source, { recursive: true }) as string[]) {
      const full = path.join(source, rel);
      if (fs.statSync(full).isFile())
        files[rel] = style === 'cr' ? classicMac(fs.readFileSync(full, 'utf8')) : fs.readFileSync(full, 'utf8');
    }
    return writeTempWorkspace(files, `meshlint-cr-${style}-`);
  });
  const outputs = async (dir: string): Promise<string[]> => [
    (await runCli(['explain', 'billing/ledger', dir])).out.split(dir).join('<dir>'),
    (await runCli(['check-access', '--format', 'json', '--from', 'billing/invoices', '--to', 'billing/ledger', dir])).out
      .split(dir)
      .join('<dir>'),
  ];
  const [lf, cr] = [await outputs(copies[0]), await outputs(copies[1])];
  assert.match(lf[0], /workloads\.yaml:45/);
  assert.deepEqual(cr, lf);
  for (const d of copies) fs.rmSync(d, { recursive: true, force: true });
});

test('lone CR: --fix writes what it writes for the fixture, with `\\r` line ends', () => {
  let fixed = 0;
  for (const fc of cases) {
    const { config } = workspaceConfig(fc.files);
    for (const f of fc.files) {
      const lf = fixText(newEngine(), f.text, config);
      if (lf.text === f.text) continue;
      fixed++;
      const cr = fixText(newEngine(), classicMac(f.text), config);
      const where = path.relative(FIXTURE_ROOT, f.file);
      assert.equal(cr.refused, lf.refused, where);
      assert.equal(cr.text, classicMac(lf.text), where);
    }
  }
  assert.ok(fixed >= 10, `fixtures --fix changes: ${fixed}`);
});

test('lone CR: completion and the suppression comment act on the lines of the `\\n` twin', () => {
  const lf = `${peerAuthentication({ namespace: 'shop' })}---\n${spiffePrincipalPolicy()}`;
  const cr = classicMac(lf);
  const deps = { registry: registry(), trustDomain: 'cluster.local', concepts: concepts() };
  // At the start of every line: keys, values and list items, in both documents.
  const lineStarts = [0, ...[...lf.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)].filter((o) => o < lf.length);
  let offered = 0;
  for (const at of [...lineStarts, lf.indexOf('PERMISSIVE'), lf.indexOf('mtls:') + 5]) {
    const want = completeAt(lf, at, deps);
    offered += want.length;
    assert.deepEqual(completeAt(cr, at, deps), want, `offset ${at}`);
  }
  assert.ok(offered > 0);

  const engine = newEngine();
  const docs = (text: string) =>
    engine.analyze(text, DEFAULT_CONFIG).documents.map((d) => ({ start: d.start, end: d.end, root: d.result.parsed.root }));
  const finding = engine.analyze(lf, DEFAULT_CONFIG).findings.find((f) => f.ruleId === 'peer-authentication-permissive');
  assert.ok(finding);
  const want = suppressionEdits(lf, docs(lf), finding.start, finding.ruleId);
  assert.equal(want.length, 1);
  assert.deepEqual(suppressionEdits(cr, docs(cr), finding.start, finding.ruleId), want);
});

test('lone CR: the CLI reports the lines and columns of the `\\n` twin, and --fix keeps `\\r` line ends', async () => {
  // A mesh-wide PERMISSIVE policy (a warning on line 8) and a principal with a scheme (a fix --fix writes).
  const lf = `${peerAuthentication({ namespace: 'shop' })}---\n${spiffePrincipalPolicy()}`;
  const report = async (text: string): Promise<{ out: unknown; dir: string }> => {
    const dir = writeTempWorkspace({ 'policies.yaml': text }, 'meshlint-cr-cli-');
    const run = await runCli(['--format', 'json', dir]);
    assert.equal(run.err, '');
    return { out: JSON.parse(run.out.split(dir).join('<dir>')), dir };
  };
  const want = await report(lf);
  assert.match(JSON.stringify(want.out), /"line":8/);
  const got = await report(classicMac(lf));
  // The same findings, and one more: kubectl itself would apply only the first of the two documents.
  type Report = { files: { findings: { ruleId: string; line: number; message: string }[] }[] };
  const findings = (got.out as Report).files[0].findings;
  const dropped = findings.findIndex((x) => x.message.startsWith('kubectl does not apply this document'));
  assert.equal(findings[dropped]?.line, 10);
  findings.splice(dropped, 1);
  assert.deepEqual(got.out, want.out);

  const file = path.join(got.dir, 'policies.yaml');
  await runCli(['--fix', file]);
  const fixed = fs.readFileSync(file, 'utf8');
  assert.equal(fixed, classicMac(lf.replace('"spiffe://cluster.local/ns/shop/sa/web"', '"cluster.local/ns/shop/sa/web"')));
  for (const d of [want.dir, got.dir]) fs.rmSync(d, { recursive: true, force: true });
});
