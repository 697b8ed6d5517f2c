// kubectl cuts a file into documents at lines that begin with `---` (lines end at `\n` only) and
// hands each piece to go-yaml, which reads its first document: apimachinery util/yaml decoder.go,
// YAMLReader.Read and LineReader.Read (kubernetes/kubernetes 044f937, lines 343 - 361 and 387).
// Each case below was run through kubectl 1.32 (`kubectl create --dry-run=client -o name`, against
// a stub API server that only answers discovery); the comment says what kubectl printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type Config } from '../../server/src/core/config';
import { kubectlSplitFindings } from '../../server/src/core/kubectl-split';
import { analyze } from '../support/engine';

const pa = (name: string): string =>
  `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT\n`;
const cr = (text: string): string => text.replace(/\n/g, '\r');
/** The kubectl warnings of a mesh file: where each starts, and its first words. */
function splitWarnings(text: string, config: Config = DEFAULT_CONFIG): { start: number; says: string }[] {
  return analyze(text, config)
    .filter((f) => f.ruleId === 'yaml-syntax' && f.message.startsWith('kubectl'))
    .map((f) => {
      assert.equal(f.severity, 'warning');
      return { start: f.start, says: f.message.split(':')[0] };
    });
}
const NOT_APPLIED = 'kubectl does not apply this document';

test('kubectl split: documents between `---` lines are all read (kubectl: a, b)', () => {
  assert.deepEqual(splitWarnings(`${pa('a')}---\n${pa('b')}`), []);
  // `---` followed by spaces or a comment is a separator too (kubectl: a).
  assert.deepEqual(splitWarnings(`--- # policies\n${pa('a')}---\t\n${pa('b')}`), []);
});

test('kubectl split: with lone `\\r` line ends only the first document is read (kubectl: a)', () => {
  const text = cr(`${pa('a')}---\n${pa('b')}---\n${pa('c')}`);
  assert.deepEqual(splitWarnings(text), [
    { start: pa('a').length + 4, says: NOT_APPLIED },
    { start: 2 * pa('a').length + 8, says: NOT_APPLIED },
  ]);
  assert.match(analyze(text).find((f) => f.start === pa('a').length + 4)?.message ?? '', /lone carriage return/);
  // One document, or an empty one after it, loses nothing (kubectl: a).
  assert.deepEqual(splitWarnings(cr(pa('a'))), []);
  assert.deepEqual(splitWarnings(cr(`${pa('a')}---\n`)), []);
});

test('kubectl split: a file with lone `\\r` line ends that starts with `---` is refused (kubectl: invalid Yaml document separator)', () => {
  assert.deepEqual(splitWarnings(cr(`---\n${pa('a')}---\n${pa('b')}`)), [{ start: 0, says: 'kubectl cannot read this file' }]);
});

test('kubectl split: a document after `...` with no `---` is not read (kubectl: a)', () => {
  const text = `${pa('a')}...\n${pa('b')}`;
  assert.deepEqual(splitWarnings(text), [{ start: pa('a').length + 4, says: NOT_APPLIED }]);
  assert.match(analyze(text).find((f) => f.message.startsWith(NOT_APPLIED))?.message ?? '', /not after `\.\.\.`/);
  assert.deepEqual(splitWarnings(`${pa('a')}...\n---\n${pa('b')}`), []);
});

test('kubectl split: content after `---` on its line fails the file there (kubectl: invalid Yaml document separator)', () => {
  const inline = '--- {apiVersion: security.istio.io/v1, kind: PeerAuthentication, metadata: {name: b, namespace: shop}}\n';
  const message = (text: string): string => analyze(text).find((f) => f.message.startsWith('kubectl'))?.message ?? '';
  // The document being read when the line comes is lost too (kubectl: nothing).
  assert.deepEqual(splitWarnings(`${pa('a')}${inline}`), [
    { start: pa('a').length, says: 'kubectl fails with "invalid Yaml document separator" on this line' },
  ]);
  assert.match(message(`${pa('a')}${inline}`), /neither the document above this line nor any after it is applied/);
  // Not when a `---` line ended it (kubectl: a).
  assert.match(message(`${pa('a')}---\n${inline}`), /no document from here on is applied/);
  // A line of dashes, or a key made of them, is a separator for kubectl too (kubectl: a).
  assert.match(message(`${pa('a')}---\n----: x\n`), /Quote or indent what this line holds/);
  // Lone `\r` after an ordinary first line: the `---` runs on to the end of the file.
  assert.match(message(`${pa('a')}---\n${cr(`---\n${pa('b')}`)}`), /lines after it end in a lone carriage return/);
});

test('kubectl split: a chart template is not read by kubectl as it is written', () => {
  assert.deepEqual(kubectlSplitFindings(`${pa('a')}--- {{- /* c */}}\n${pa('b')}`, [0, pa('a').length + 20], 'yaml-syntax'), []);
});

test('kubectl split: JSON is read as JSON, and a file that is not a mesh file is left alone', () => {
  const json = '{"apiVersion": "v1", "kind": "ConfigMap"}\n...\n{"apiVersion": "v1", "kind": "ConfigMap"}\n';
  assert.deepEqual(kubectlSplitFindings(json, [0, json.indexOf('{', 1)], 'yaml-syntax'), []);
  const configMaps = cr(
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
  );
  assert.deepEqual(splitWarnings(configMaps), []);
});

test('kubectl split: the warnings go with yaml-syntax, so its level in the config switches them off', () => {
  const text = cr(`${pa('a')}---\n${pa('b')}`);
  assert.equal(splitWarnings(text).length, 1);
  assert.deepEqual(splitWarnings(text, { ...DEFAULT_CONFIG, rules: { 'yaml-syntax': 'off' } }), []);
});
