// Every contributed YAML snippet, expanded with its default placeholders, is a manifest meshlint
// finds nothing wrong with: no errors, no warnings, not even information; and inserted into a
// workspace (alone, or beside the e2e workspace's files) no workspace rule warns either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, PACKAGE_DIR } from '../support/engine';
import { readSnippets } from '../support/editing';
import { expandSnippet } from '../../server/src/core/editing/snippet-text';
import { splitDocuments } from '../../server/src/core/split';
import { parseYaml } from '../../server/src/core/parse';
import { analyzeWorkspace } from '../support/workspace';

const snippets = readSnippets();

/**
 * Workspace notes about what the folder lacks elsewhere (a mesh-wide STRICT policy, access logging,
 * a default-deny policy). A snippet that adds one mesh policy to a folder without the others
 * rightly gets them: they are information about the folder, not about the snippet.
 */
const ABOUT_THE_REST_OF_THE_FOLDER = new Set(['mesh-strict-policy-missing', 'access-logging-missing', 'namespace-default-deny-missing']);

function e2eWorkspace(): { file: string; text: string }[] {
  const dir = path.join(PACKAGE_DIR, 'test', 'e2e', 'workspace');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'snippet-target.yaml')
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}
const body = (b: string | string[]): string => (Array.isArray(b) ? b.join('\n') : b);

test('package.json contributes the snippet file for YAML', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    contributes: { snippets?: { language: string; path: string }[] };
  };
  const entry = manifest.contributes.snippets?.find((s) => s.language === 'yaml');
  assert.ok(entry);
  assert.equal(path.normalize(entry.path), path.normalize('./snippets/yaml.json'));
});

test('the snippets cover the safe patterns the editor should make easy', () => {
  const kinds = Object.values(snippets).map((s) => body(s.body));
  const need: [string, RegExp][] = [
    ['namespace STRICT', /kind: PeerAuthentication[\s\S]*namespace: \$\{1:shop\}[\s\S]*mode: STRICT/],
    ['mesh-wide STRICT', /namespace: \$\{1:istio-system\}\nspec:\n {2}mtls:\n {4}mode: STRICT/],
    ['port exception', /portLevelMtls:/],
    ['allow-nothing', /kind: AuthorizationPolicy[\s\S]*spec: \{\}/],
    ['ALLOW from a principal', /action: ALLOW[\s\S]*principals:[\s\S]*methods:[\s\S]*paths:/],
    ['DENY negative', /action: DENY[\s\S]*notNamespaces:/],
    ['JWT required', /kind: RequestAuthentication[\s\S]*requestPrincipals:/],
    ['ISTIO_MUTUAL', /mode: ISTIO_MUTUAL/],
    ['Sidecar egress', /kind: Sidecar[\s\S]*REGISTRY_ONLY/],
    ['Telemetry access logs', /kind: Telemetry[\s\S]*accessLogging:/],
    ['short-lived Certificate', /duration: \$\{3:24h\}/],
    ['CA chain', /selfSigned: \{\}[\s\S]*isCA: true[\s\S]*ca:\n {4}secretName:/],
    ['Gateway TLS', /kind: Certificate[\s\S]*kind: Gateway[\s\S]*credentialName: \$1-tls/],
  ];
  for (const [what, re] of need)
    assert.ok(
      kinds.some((k) => re.test(k)),
      `no snippet for ${what}`,
    );
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${name}" expands to a clean manifest`, () => {
    assert.ok(snippet.prefix && snippet.description, 'prefix and description');
    const text = expandSnippet(body(snippet.body));
    assert.doesNotMatch(text, /\$\{|\$\d/, 'placeholders left over');
    assert.match(text, /^kind: /m);
    for (const chunk of splitDocuments(text)) assert.deepEqual(parseYaml(chunk.text).problems, [], chunk.text);
    const findings = analyze(text);
    assert.deepEqual(
      findings.map((f) => `${f.severity} ${f.ruleId} at "${text.slice(f.start, f.end)}": ${f.message}`),
      [],
      text,
    );
    for (const files of [[], e2eWorkspace()]) {
      const all = analyzeWorkspace([...files, { file: 'snippet.yaml', text }]).get('snippet.yaml') ?? [];
      const unexpected = all.filter((f) => !(f.severity === 'info' && ABOUT_THE_REST_OF_THE_FOLDER.has(f.ruleId)));
      assert.deepEqual(
        unexpected.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`),
        [],
        `with ${files.length} other files`,
      );
    }
  });
}
