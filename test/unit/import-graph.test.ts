// House rules on the shape of the sources: no import cycle among the files of server/src and
// client/src (relative imports, `import type` included: a cycle of types is still two files that
// cannot be read apart), and no file in server/src over 300 lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from '../support/engine';

const MAX_LINES = 300;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The relative module specifiers of a file: `import … from`, `export … from`, `import('…')`, `require('…')`. */
export function relativeImports(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"](\.[^'"]*)['"]/g,
    /\bimport\s*['"](\.[^'"]*)['"]/g,
    /\b(?:import|require)\s*\(\s*['"](\.[^'"]*)['"]\s*\)/g,
  ];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => c.endsWith('.ts') && fs.existsSync(c));
}

/** Every cycle's files (strongly connected components with more than one file, or a file importing itself). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep chain cannot overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent) as number, low.get(top.node) as number));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop() as string;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        if (component.length > 1 || edges.includes(top.node)) found.push(component.sort());
      }
    }
  }
  return found;
}

function importGraph(roots: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of roots.flatMap((r) => tsFiles(path.join(PACKAGE_DIR, r)))) {
    const rel = (f: string): string => path.relative(PACKAGE_DIR, f).split(path.sep).join('/');
    const targets = relativeImports(fs.readFileSync(file, 'utf8'))
      .map((s) => resolve(file, s))
      .filter((t): t is string => t !== undefined);
    graph.set(rel(file), [...new Set(targets.map(rel))]);
  }
  return graph;
}

test('the cycle finder sees a deliberate cycle, a self-import, and no cycle in a chain', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts', 'd.ts']],
    ['d.ts', []],
    ['e.ts', ['e.ts']],
  ]);
  assert.deepEqual(cycles(graph), [['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  assert.deepEqual(
    cycles(
      new Map([
        ['x.ts', ['y.ts']],
        ['y.ts', []],
      ]),
    ),
    [],
  );
});

test('the import parser reads every relative form and skips packages and comments', () => {
  const src = [
    "import { a } from './a';",
    "import type { B } from '../b';",
    "export { c } from './c';",
    "export * from './d';",
    "import './e';",
    "const f = require('./f');",
    "import {\n  g,\n  h,\n} from './gh';",
    "import { x } from 'vscode-languageserver';",
    "// import { no } from './commented';",
  ].join('\n');
  assert.deepEqual(relativeImports(src).sort(), ['../b', './a', './c', './d', './e', './f', './gh']);
});

test('server/src and client/src have no import cycle', () => {
  const graph = importGraph(['server/src', 'client/src']);
  assert.ok(graph.size > 50, `only ${graph.size} files found`);
  assert.deepEqual(cycles(graph), [], 'files that import each other, directly or through others');
});

test(`no file in server/src is over ${MAX_LINES} lines`, () => {
  const long = tsFiles(path.join(PACKAGE_DIR, 'server', 'src'))
    .map((f) => ({ file: path.relative(PACKAGE_DIR, f), lines: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
    .filter((f) => f.lines > MAX_LINES);
  assert.deepEqual(long, []);
});
