// Hover, completion and outline answer (or stay silent) at every position of every fixture and
// example, valid or broken, without throwing and with ranges inside the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newEngine, registry, PACKAGE_DIR } from '../support/engine';
import { concepts } from '../support/editing';
import { yamlFilesUnder } from '../support/yaml-files';
import { hoverAt } from '../../server/src/core/hover/hover';
import { completeAt } from '../../server/src/core/completion/complete';
import { outline, type OutlineSymbol } from '../../server/src/core/outline/outline';
import { allRuleMetas } from '../../server/src/core/rules/index';
import { DEFAULT_CONFIG } from '../../server/src/core/config';

function completionSpots(text: string): number[] {
  const spots = new Set<number>([0, text.length]);
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '\n' || i === text.length) {
      spots.add(i);
      const indent = /^ */.exec(text.slice(lineStart, i))?.[0].length ?? 0;
      spots.add(lineStart + indent);
      spots.add(lineStart + Math.floor((i - lineStart + indent) / 2));
      lineStart = i + 1;
    } else if ((c === ':' || c === '-') && text[i + 1] === ' ') {
      spots.add(i + 1);
      spots.add(i + 2);
    }
  }
  return [...spots];
}

const files = [...yamlFilesUnder(path.join(PACKAGE_DIR, 'test', 'fixtures')), ...yamlFilesUnder(path.join(PACKAGE_DIR, 'examples'))];

test('every position of every fixture and example', () => {
  assert.ok(files.length > 10);
  const engine = newEngine();
  const hoverDeps = { registry: registry(), concepts: concepts(), rules: allRuleMetas() };
  const completionDeps = { registry: registry(), trustDomain: 'cluster.local', concepts: hoverDeps.concepts };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const analysis = engine.analyze(text, DEFAULT_CONFIG);
    const where = path.relative(PACKAGE_DIR, file);
    const check = (s: OutlineSymbol): void => {
      assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end && s.end <= text.length, `${where}: ${s.name}`);
      s.children.forEach(check);
    };
    outline(analysis).forEach(check);
    for (let offset = 0; offset <= text.length; offset++) {
      const h = hoverAt(analysis, offset, hoverDeps);
      if (h) assert.ok(h.start <= offset && offset <= h.end && h.markdown.length > 0, `${where}@${offset}`);
    }
    // Completion reads the whole document per request: ask where people ask (line ends, after
    // indentation, `: ` and `- `, inside words) rather than at every character.
    for (const offset of completionSpots(text)) {
      for (const s of completeAt(text, offset, completionDeps)) {
        assert.ok(s.start <= offset && offset <= s.end && s.end <= text.length, `${where}@${offset}: ${s.label}`);
      }
    }
  }
});
