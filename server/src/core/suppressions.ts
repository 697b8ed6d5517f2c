// Comment directives that switch rules off where a team has accepted a finding:
//   # meshlint-disable-next-line [rule-id, ...]   the next line
//   # meshlint-disable-line [rule-id, ...]        the line the comment is on
//   # meshlint-disable [rule-id, ...]             from here to `# meshlint-enable` or the file's end
// No ids means every rule, with two limits: a file that does not parse is never hidden (its
// policies are not applied at all, whatever the comments say), and a blanket directive does not
// hide schema errors (the object would be rejected; accepting that needs the rule named).
import { LineIndex } from './line-index';
import { work } from './work-count';
import type { Finding } from './types';

interface Block {
  fromLine: number;
  toLine: number;
  rules: Set<string> | null;
}

/** Rules no comment can silence (only the config's rule levels can). */
const UNSUPPRESSIBLE = new Set(['yaml-syntax']);
/** Rules whose errors a directive without ids does not silence; naming the rule still does. */
const NAMED_ONLY_ERRORS = new Set(['schema-validation']);

// The ids run to the end of the line: `\r` ends one too (a lone one in a classic Mac file).
const DIRECTIVE_RE = /#\s*meshlint-(disable-next-line|disable-line|disable|enable)\b([^\r\n#]*)/g;

/** False for a rule whose findings a suppression comment cannot hide, so none should be offered. */
export function canSuppress(ruleId: string): boolean {
  return !UNSUPPRESSIBLE.has(ruleId);
}

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

export interface Directives {
  lines: LineIndex;
  blocks: Block[];
}

/**
 * The last text's directives. One file is often filtered several times in a row (each slice of a
 * long check, then the workspace findings of the same publish), and each time cost a line index
 * and a scan of the whole file; a text is immutable, so the answer for the same text is reused.
 */
let last: { text: string; directives: Directives | undefined } | undefined;

/** The file's suppression comments with its line index, or undefined when it has none. */
export function directivesOf(text: string): Directives | undefined {
  if (last?.text === text) return last.directives;
  // Building a line index costs a pass over the file: only pay it when a directive may exist.
  let directives: Directives | undefined;
  if (text.includes('meshlint-')) {
    const lines = new LineIndex(text);
    work.steps += text.length;
    directives = { lines, blocks: findSuppressions(text, lines) };
  }
  last = { text, directives };
  return directives;
}

/** Whether a finding (with its configured severity) is hidden by one of the blocks. */
export function isSuppressed(f: Finding, blocks: Block[], lines: LineIndex): boolean {
  if (blocks.length === 0 || UNSUPPRESSIBLE.has(f.ruleId)) return false;
  const blanketHides = !(f.severity === 'error' && NAMED_ONLY_ERRORS.has(f.ruleId));
  const line = lines.position(f.start).line;
  return blocks.some((b) => line >= b.fromLine && line <= b.toLine && (b.rules === null ? blanketHides : b.rules.has(f.ruleId)));
}
