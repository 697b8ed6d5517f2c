// Restricted Mode: package.json tells VS Code what works in a folder the user has not trusted (the
// text-only features) and what does not (the Kustomize command, which runs a program).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from '../support/engine';

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string } };
  contributes: { commands: { command: string; enablement?: string }[]; menus?: Record<string, { command: string; when?: string }[]> };
}

const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as Manifest;
const KUSTOMIZE = 'meshlint.lintKustomizeOverlay';

test('untrusted folders are supported in part, and the description says what waits for trust', () => {
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  assert.match(untrusted?.description ?? '', /Kustomize/);
});

test('the Kustomize command is enabled and shown only in a trusted workspace; the others everywhere', () => {
  for (const c of manifest.contributes.commands) {
    if (c.command === KUSTOMIZE) assert.match(c.enablement ?? '', /\bisWorkspaceTrusted\b/);
    else assert.doesNotMatch(c.enablement ?? '', /isWorkspaceTrusted/, c.command);
  }
  const entries = Object.values(manifest.contributes.menus ?? {})
    .flat()
    .filter((m) => m.command === KUSTOMIZE);
  assert.ok(entries.length > 0);
  for (const m of entries) assert.match(m.when ?? '', /\bisWorkspaceTrusted\b/);
  // The command itself refuses too (a keybinding or another extension can call it regardless).
  const source = fs.readFileSync(path.join(PACKAGE_DIR, 'client', 'src', 'kustomize-command.ts'), 'utf8');
  assert.match(source, /if \(!vscode\.workspace\.isTrusted\)/);
});
