// Protocol test: an editor other than VS Code gets snippets/yaml.json as completion items (VS Code
// reads the file from package.json; our client says so and gets none from the server).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lsp-client';
import { readSnippets } from '../support/editing';

const client = new TestLspClient();
after(async () => client.dispose());

test('snippets are offered at the start of a line, as snippets when the client expands them', async () => {
  await client.initialize();
  const uri = 'file:///tmp/meshlint-lsp-snippets/new.yaml';
  await client.openAndWait(uri, 'pa');
  const answer = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 0, character: 2 },
  });
  const items = Array.isArray(answer) ? answer : answer.items;
  const prefixes = Object.values(readSnippets()).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
  for (const p of prefixes)
    assert.ok(
      items.some((i) => i.label === p && i.kind === 15),
      `snippet ${p} offered`,
    );
  const strict = items.find((i) => i.label === 'pa-strict-namespace');
  assert.equal(strict?.insertTextFormat, 2);
  const edit = strict?.textEdit as { newText: string; range: unknown } | undefined;
  assert.match(edit?.newText ?? '', /kind: PeerAuthentication\n[\s\S]*namespace: \$\{1:shop\}/);
  assert.deepEqual(edit?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
  // At an indented key inside a manifest a whole new manifest makes no sense: none there.
  const nested = 'file:///tmp/meshlint-lsp-snippets/nested.yaml';
  await client.openAndWait(nested, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  na');
  const inside = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
    textDocument: { uri: nested },
    position: { line: 3, character: 4 },
  });
  assert.ok(!(Array.isArray(inside) ? inside : inside.items).some((i) => i.kind === 15));
  client.close(nested);
  client.close(uri);
});
