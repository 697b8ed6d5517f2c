// Protocol test: a `kubectl get -o yaml` List export, and the same export as JSON, opened in an
// editor: the PERMISSIVE policy and the allow-all rule inside the List are marked where they are written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lsp-client';
import { PACKAGE_DIR } from '../support/engine';

const DIR = path.join(PACKAGE_DIR, 'test', 'fixtures', 'cluster-export');

let client: TestLspClient;
before(async () => {
  client = new TestLspClient();
  await client.initialize();
});
after(async () => client.dispose());

/** 0-based line and character of the first `needle` in `text`, moved on by `shift`. */
function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function startOf(diags: readonly Diagnostic[], code: string): { line: number; character: number } | undefined {
  return diags.find((d) => d.code === code)?.range.start;
}

for (const [file, permissive, allowAll] of [
  ['export.yaml', ['mode: PERMISSIVE', 'mode: '.length], ['- {}', 2]],
  ['export.json', ['"mode": "PERMISSIVE"', '"mode": '.length], ['{}\n                ]', 0]],
] as const) {
  test(`${file}: both findings inside the List on their lines, and hover works on an item`, async () => {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const uri = `file:///tmp/meshlint-lsp-export/${file}`;
    const diags = await client.openAndWait(uri, text, (d) => d.some((x) => x.code === 'authorization-policy-allow-all'));
    assert.deepEqual(startOf(diags, 'peer-authentication-permissive'), positionOf(text, permissive[0], permissive[1]));
    assert.deepEqual(startOf(diags, 'authorization-policy-allow-all'), positionOf(text, allowAll[0], allowAll[1]));
    const loud = diags.filter((d) => d.severity === 1 || d.severity === 2);
    assert.equal(loud.length, 2, JSON.stringify(loud));
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, permissive[0], permissive[1] + 1),
    });
    assert.match(JSON.stringify(hover?.contents ?? ''), /PERMISSIVE/);
    client.close(uri);
  });
}
