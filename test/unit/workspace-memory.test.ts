// What the folder index keeps per file, measured on the heap after a full collection (memory, not
// time: deterministic enough for a bound). No file text may stay alive through the facts, and an
// AuthorizationPolicy's facts must stay plain objects with shared hidden classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FolderIndex, type Folder } from '../../server/src/lsp/folder-index';
import type { RulesRunCache } from '../../server/src/lsp/rules-cache';
import { FactStrings } from '../../server/src/core/workspace/fact-strings';

/** Bytes of heap a file: 4,940 measured (Node 20); facts built by a spread gave ~5,990, dictionary-mode ones ~6,320. */
const BOUND = 5_400;
v8.setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** An AuthorizationPolicy with values of 13 characters or more (V8 slices those from the text instead of copying). */
function policy(i: number, padding = ''): string {
  return `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: policy-number-${i}
  namespace: namespace-of-team-${i % 20}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: service-number-${i}
  action: ALLOW
  rules:
    - from:
        - source:
            principals: ["cluster.local/ns/namespace-of-team-${(i + 1) % 20}/sa/service-${i + 1}"]
            namespaces: ["namespace-of-team-${i % 7}"]
      to:
        - operation:
            methods: ["GET", "POST"]
            paths: ["/api/v1/orders/*"]
      when:
        - key: request.headers[x-tenant-identifier]
          values: ["tenant-number-${i}"]
${padding}`;
}

/** A folder index as the server keeps one (the rules cache is not used by indexing). */
function newFolder(): { index: FolderIndex; folder: Folder } {
  const index = new FolderIndex(() => ({}) as RulesRunCache);
  const [folder] = index.setFolders(['file:///ws']);
  return { index, folder };
}

function indexFiles({ index, folder }: { index: FolderIndex; folder: Folder }, from: number, count: number, padding = ''): void {
  // Each text is built here and dropped after indexing, as the scan does with what it reads.
  for (let i = from; i < from + count; i++) index.setText(folder, `file:///ws/team-${i % 50}/p-${i}.yaml`, policy(i, padding));
}

test('the index keeps no file text alive: fact strings are detached copies, the cache keys digests', () => {
  const ws = newFolder();
  indexFiles(ws, 0, 50);
  const before = heapAfterCollection();
  // 40 files of 200,000 characters each: 8 MB of text if any of it stays.
  const padding = `# ${'x'.repeat(200_000)}\n`;
  indexFiles(ws, 1000, 40, padding);
  const grown = heapAfterCollection() - before;
  const fact = ws.folder.index.get('file:///ws/team-0/p-1000.yaml')?.facts[0];
  assert.equal(fact?.type, 'authorization-policy');
  assert.equal(fact.type === 'authorization-policy' && fact.principals[0].value, 'cluster.local/ns/namespace-of-team-1/sa/service-1001');
  assert.ok(grown < 2_000_000, `the index grew by ${grown} bytes for 40 small policies: some file text is still referenced`);
});

test('an indexed AuthorizationPolicy file costs a bounded heap (shared hidden classes, no dictionaries, exact lists)', () => {
  const ws = newFolder();
  // Warm up first: code compiled on the way counts in the heap too.
  indexFiles(ws, 0, 1000);
  const before = heapAfterCollection();
  indexFiles(ws, 1000, 4000);
  const perFile = (heapAfterCollection() - before) / 4000;
  assert.ok(perFile < BOUND, `${perFile.toFixed(0)} bytes a file`);
});

test('the string table starts over at its limit, and equal strings are shared again after it', () => {
  const strings = new FactStrings(3);
  const text = `prefix ${'x'.repeat(40)} security.istio.io/v1 suffix`;
  const slices = ['security.istio.io/v1', 'x'.repeat(20), `${'x'.repeat(10)} security`, 'another value here'].map((s) => {
    const at = text.indexOf(s);
    return at >= 0 ? text.slice(at, at + s.length) : s;
  });
  const first = slices.map((s) => strings.get(s));
  assert.deepEqual(first, slices, 'equal to what was asked');
  const table = (strings as unknown as { table: Map<string, string> }).table;
  assert.ok(table.size <= 3, `the table holds ${table.size} strings, over its limit of 3`);
  // The fourth string found the table full: it started over with that string alone, which equal
  // strings are given from then on.
  assert.deepEqual([...table.keys()], [slices[3]]);
  assert.equal(table.get(slices[3]), first[3]);
});
