// Comment directives that switch rules off where a team has accepted a finding:
//   # meshlint-disable-next-line [rule-id, ...]   the next line
//   # meshlint-disable-line [rule-id, ...]        the line the comment is on
//   # meshlint-disable [rule-id, ...]             from here to `# meshlint-enable` or the file's end
// No ids means every rule.
import type { LineIndex } from './line-index';
import type { Finding } from './types';

interface Block {
  fromLine: number;
  toLine: number;
  rules: Set<string> | null;
}

const DIRECTIVE_RE = /#\s*meshlint-(disable-next-line|disable-line|disable|enable)\b([^\n#]*)/g;

function parseIds(raw: string): Set<string> | null {
  // Words that are not rule ids (a typo, a capital) stay in the set and match nothing: silencing
  // every rule because an id was misspelt would hide exactly the findings nobody meant to accept.
  const ids = raw.split(/[\s,]+/).filter((s) => s !== '');
  return ids.length ? new Set(ids) : null;
}

export function findSuppressions(text: string, lines: LineIndex): Block[] {
  if (!text.includes('meshlint-')) return [];
  const blocks: Block[] = [];
  const open: Block[] = [];
  for (const m of text.matchAll(DIRECTIVE_RE)) {
    const line = lines.position(m.index ?? 0).line;
    const rules = parseIds(m[2] ?? '');
    switch (m[1]) {
      case 'disable-next-line':
        blocks.push({ fromLine: line + 1, toLine: line + 1, rules });
        break;
      case 'disable-line':
        blocks.push({ fromLine: line, toLine: line, rules });
        break;
      case 'disable': {
        const b = { fromLine: line, toLine: Number.MAX_SAFE_INTEGER, rules };
        blocks.push(b);
        open.push(b);
        break;
      }
      case 'enable':
        for (const b of open) {
          if (b.toLine !== Number.MAX_SAFE_INTEGER) continue;
          if (rules === null || b.rules === null || [...b.rules].every((r) => rules.has(r))) b.toLine = line;
        }
        break;
    }
  }
  return blocks;
}

export function isSuppressed(f: Finding, blocks: Block[], lines: LineIndex): boolean {
  if (blocks.length === 0) return false;
  const line = lines.position(f.start).line;
  return blocks.some((b) => line >= b.fromLine && line <= b.toLine && (b.rules === null || b.rules.has(f.ruleId)));
}
