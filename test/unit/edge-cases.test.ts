// Text edge cases of the engine and its helpers: a byte order mark, CRLF, a syntax error at the end
// of a document, very large documents typed into, odd settings and globs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentCache } from '../../server/src/core/document-cache';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import type { FileAnalysis } from '../../server/src/core/engine';
import { applyEdits } from '../../server/src/core/fix-all';
import { suppressionEdits, type ParsedDocumentRef } from '../../server/src/core/suppression-fix';
import { ExcludeMatcher } from '../../server/src/core/workspace/scan-policy';
import { toConfig } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol';
import { analyze, newEngine } from '../support/engine';
import { peerAuthentication } from '../support/sample-manifests';

const PERMISSIVE = peerAuthentication({ mode: 'PERMISSIVE' });

test('the document cache is bounded by the text it holds, not only by its entry count', () => {
  // Typing into one large document makes a new cache entry per keystroke, each holding the whole
  // text and its parse: a count of 20,000 such entries is gigabytes.
  const cache = new DocumentCache<number>();
  const big = 'x'.repeat(1_000_000);
  for (let i = 0; i < 40; i++) cache.set(`${i}:${big}`, i);
  assert.ok(cache.size < 40, `${cache.size} one-megabyte entries kept`);
  assert.equal(cache.get(`39:${big}`), 39, 'the newest entry stays');
  // One entry larger than the whole budget is still kept, so an unchanged file is not re-checked.
  const small = new DocumentCache<number>(10, 100);
  small.set('a'.repeat(500), 1);
  assert.equal(small.get('a'.repeat(500)), 1);
  small.set('b', 2);
  assert.equal(small.size, 1);
});

test('a byte order mark does not split off the directives or comments of the first document', () => {
  const engine = newEngine();
  const withDirective = engine.analyze(`\uFEFF%YAML 1.2\n---\n${PERMISSIVE}`, DEFAULT_CONFIG);
  assert.deepEqual(
    withDirective.findings.map((f) => f.ruleId),
    ['peer-authentication-permissive'],
  );
  const withComment = engine.analyze(`\uFEFF# shop's policy\n---\n${PERMISSIVE}`, DEFAULT_CONFIG);
  assert.equal(withComment.documents.length, 1);
});

test('the suppression comment for the first line goes after a byte order mark', () => {
  const text = `\uFEFF${peerAuthentication({ apiVersion: 'security.istio.io/v1beta9' })}`;
  const analysis = newEngine().analyze(text, DEFAULT_CONFIG);
  const finding = analysis.findings.find((f) => f.ruleId === 'unknown-api-version');
  assert.ok(finding);
  const fixed = applyEdits(text, suppressionEdits(text, documentsOf(analysis), finding.start, finding.ruleId));
  assert.ok(fixed.startsWith('\uFEFF# meshlint-disable-next-line unknown-api-version\napiVersion:'), JSON.stringify(fixed.slice(0, 80)));
  assert.deepEqual(
    analyze(fixed).map((f) => f.ruleId),
    ['peer-authentication-permissive'],
  );
});

test('a suppression comment above the last line of a CRLF file without a final newline ends in CRLF', () => {
  const text = PERMISSIVE.replace(/\n$/, '').replace(/\n/g, '\r\n');
  const analysis = newEngine().analyze(text, DEFAULT_CONFIG);
  const [finding] = analysis.findings;
  const fixed = applyEdits(text, suppressionEdits(text, documentsOf(analysis), finding.start, finding.ruleId));
  assert.ok(
    fixed.endsWith('    # meshlint-disable-next-line peer-authentication-permissive\r\n    mode: PERMISSIVE'),
    JSON.stringify(fixed.slice(-90)),
  );
  assert.doesNotMatch(fixed, /[^\r]\n/);
});

test('a syntax error at the end of a document stays in that document, on its last written character', () => {
  const broken = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: "orders\n';
  for (const text of [broken, `${broken}---\n${PERMISSIVE}`]) {
    const syntax = analyze(text).filter((f) => f.ruleId === 'yaml-syntax');
    assert.equal(syntax.length, 1, JSON.stringify(syntax));
    assert.equal(text.slice(syntax[0].start, syntax[0].end), 's', 'the last character of `"orders`, not the next document');
  }
});

test('certificate limits from editor settings must be positive, as in .meshlint.yaml', () => {
  for (const value of ['0s', '0', '-1h']) {
    const config = toConfig({ ...DEFAULT_SETTINGS, maxWorkloadCertificateDuration: value, maxCertificateDuration: value });
    assert.equal(config.maxWorkloadCertSeconds, DEFAULT_CONFIG.maxWorkloadCertSeconds, value);
    assert.equal(config.maxCertSeconds, DEFAULT_CONFIG.maxCertSeconds, value);
  }
  assert.equal(toConfig({ ...DEFAULT_SETTINGS, maxWorkloadCertificateDuration: '12h' }).maxWorkloadCertSeconds, 12 * 3600);
});

test('an exclude glob with an unclosed bracket or brace matches itself literally instead of throwing', () => {
  const matcher = new ExcludeMatcher(['charts/[', 'legacy{a,b', 'x/[z-a]']);
  assert.equal(matcher.excludes('charts/['), true);
  assert.equal(matcher.excludes('charts/a.yaml'), false);
  assert.equal(matcher.excludes('legacy{a,b/p.yaml'), true);
  assert.equal(matcher.excludes('x/q.yaml'), false);
});

test('a suppression comment naming only ids that are not rule ids silences nothing', () => {
  const typo = PERMISSIVE.replace('    mode:', '    # meshlint-disable-next-line PeerAuthentication-Permissive\n    mode:');
  assert.deepEqual(
    analyze(typo).map((f) => f.ruleId),
    ['peer-authentication-permissive'],
  );
  const bare = PERMISSIVE.replace('    mode:', '    # meshlint-disable-next-line\n    mode:');
  assert.deepEqual(analyze(bare), [], 'no ids still means every rule');
});

function documentsOf(analysis: FileAnalysis): ParsedDocumentRef[] {
  return analysis.documents.map((d) => ({ start: d.start, end: d.end, root: d.result.parsed.root }));
}

test('a mapping used as a key does not make the YAML library print a warning on stderr', async () => {
  const warnings: string[] = [];
  const listen = (w: Error): void => void warnings.push(w.message);
  process.on('warning', listen);
  try {
    analyze(PERMISSIVE.replace('  namespace: shop\n', '  namespace: shop\n  labels:\n    ? { team: shop }\n    : owner\n'));
    // Node emits process warnings on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listen);
  }
  assert.deepEqual(warnings, []);
});
