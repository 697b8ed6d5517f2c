// The checks the parser's Composer makes on the tokens around a node (indicators, white space and
// comments before it, what trails it), for the only shapes the CST reader accepts: no anchors, tags
// or tabs. Anything the Composer could report on makes the reader decline (throw Declined), so
// that document takes the Composer's path and gets its exact errors.

/** The parts of the parser's CST tokens that the CST reader reads (parse.ts passes the real ones). */
export interface CstToken {
  type: string;
  offset: number;
  indent?: number;
  source?: string;
  /** White space and comments after a flow scalar, or the closing bracket and what follows it. */
  end?: CstToken[];
  /** A document's leading tokens, or a flow collection's opening bracket. */
  start?: CstToken[] | CstToken;
  value?: CstToken;
  items?: CstItem[];
}

export interface CstItem {
  start: CstToken[];
  explicitKey?: true;
  key?: CstToken | null;
  sep?: CstToken[];
  value?: CstToken;
}

/** Why the CST reader left a document to the Composer (a short phrase, for tests and profiling). */
export class Declined extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function decline(reason: string): never {
  throw new Declined(reason);
}

/** What the tokens before a node hold. */
export interface Props {
  /** The indicator (`-`, `:`, `---`) if one was met. */
  found: CstToken | null;
  comma: boolean;
  hasNewline: boolean;
  comment: boolean;
  /** Offset just past the last token (or `offset` when there are none). */
  end: number;
}

/**
 * Reads the tokens before a node as the Composer's resolveProps does, declining wherever it could
 * report a problem. `spaced` is whether the run starts on a fresh line (a comment needs a blank before it).
 */
export function readProps(tokens: readonly CstToken[], indicator: string, spaced: boolean, offset: number, flow: boolean): Props {
  let hasSpace = spaced;
  let found: CstToken | null = null;
  let comma = false;
  let hasNewline = false;
  let comment = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        // A tab here may be indentation, which the Composer checks in several ways.
        if (source(token).includes('\t')) decline('tab between tokens');
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) decline('comment without a blank before it');
        comment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) decline('unexpected comma');
        comma = true;
        hasSpace = false;
        break;
      default:
        if (token.type !== indicator) decline(`${token.type} before a node`);
        if (found) decline(`repeated ${indicator}`);
        found = token;
        hasSpace = false;
    }
  }
  const last = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
  const end = last ? last.offset + source(last).length : offset;
  return { found, comma, hasNewline, comment, end };
}

/** Offset past the white space and comments that trail a node (the Composer's resolveEnd), declining on anything else. */
export function readEnd(tokens: readonly CstToken[] | undefined, offset: number, strict: boolean): number {
  if (!tokens) return offset;
  let hasSpace = false;
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'newline') hasSpace = true;
    else if (token.type !== 'comment') decline(`${token.type} after a node`);
    else if (strict && !hasSpace) decline('comment without a blank before it');
    offset += source(token).length;
  }
  return offset;
}

/**
 * Where the parser puts an empty value: back over the trailing blanks and comments of `before`,
 * then forward over the spaces right after its last indicator.
 */
export function emptyValueAt(offset: number, before: readonly CstToken[]): number {
  let i = before.length - 1;
  for (; i >= 0 && isBlank(before[i]); i--) offset -= source(before[i]).length;
  if (i < 0) return offset;
  for (let j = i + 1; j < before.length && before[j].type === 'space'; j++) offset += source(before[j]).length;
  return offset;
}

function isBlank(token: CstToken): boolean {
  return token.type === 'space' || token.type === 'comment' || token.type === 'newline';
}

/** Whether a scalar key spans lines (the Composer's containsNewline, for the key shapes accepted). */
export function keyHasNewline(key: CstToken): boolean {
  if (source(key).includes('\n')) return true;
  return key.end?.some((t) => t.type === 'newline') ?? false;
}

export function source(token: CstToken): string {
  return token.source ?? '';
}
