// The settings are declared once for the server (DEFAULT_SETTINGS in lsp/protocol.ts, rule levels
// in core/config.ts); package.json, the `.meshlint.yaml` keys and the docs must say the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_LEVELS } from '../../server/src/core/config';
import { CONFIG_FILE_KEYS } from '../../server/src/core/config-file';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol';
import { PACKAGE_DIR } from '../support/engine';

interface Property {
  type: string;
  default: unknown;
  additionalProperties?: { enum?: string[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = manifest.contributes.configuration.properties;
const declared = Object.keys(DEFAULT_SETTINGS);
/** Settings the client or the workspace scan read on their own, outside the per-document settings. */
const READ_APART = ['exclude', 'maxWorkspaceFiles', 'trace.server'];

test('package.json contributes exactly the declared settings, with their types and defaults', () => {
  assert.deepEqual(Object.keys(properties).sort(), [...declared, ...READ_APART].map((k) => `meshlint.${k}`).sort());
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    const p = properties[`meshlint.${key}`];
    // JSON schema spells a list `array`, where typeof says `object`.
    assert.equal(p.type, Array.isArray(value) ? 'array' : typeof value, key);
    assert.deepEqual(p.default, value, key);
  }
});

test('rule levels: package.json offers the levels the server and the config file accept', () => {
  assert.deepEqual(properties['meshlint.rules'].additionalProperties?.enum, [...RULE_LEVELS]);
});

test('the .meshlint.yaml keys are the settings that change findings, plus exclude and the CLI-only kustomize', () => {
  // yamlSyntax is about the editor's other YAML extension: the CLI has none beside it.
  const editorOnly = ['enable', 'yamlSyntax'];
  assert.deepEqual([...CONFIG_FILE_KEYS].sort(), [...declared.filter((k) => !editorOnly.includes(k)), 'exclude', 'kustomize'].sort());
});

test('the docs name every setting and every config key', () => {
  const editors = fs.readFileSync(path.join(PACKAGE_DIR, 'docs', 'editors.md'), 'utf8');
  for (const key of declared.filter((k) => k !== 'enable'))
    assert.ok(editors.includes(`\`${key}\``), `docs/editors.md does not name ${key}`);
  const workspace = fs.readFileSync(path.join(PACKAGE_DIR, 'docs', 'workspace.md'), 'utf8');
  for (const key of CONFIG_FILE_KEYS) assert.match(workspace, new RegExp(`^${key}:`, 'm'), `docs/workspace.md's example lacks ${key}`);
  assert.ok(workspace.includes(RULE_LEVELS.join(' | ')), 'docs/workspace.md lists the rule levels');
});
