// The inputs that once stalled meshlint (issue 9): each built at full size, deterministic, with
// the position an edit or a completion request uses.
import { generateManifest } from './generate';

const HEADER = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: stress\n';

/** A compose-style document: 3,000 maps each merging its own anchored base. */
export function mergeKeys(n = 3000): string {
  let s = HEADER;
  for (let i = 0; i < n; i++) s += `base${i}: &b${i} {x: ${i}}\nk${i}:\n  <<: *b${i}\n  v: ${i}\n`;
  return s;
}

/** Flow collections nested `depth` levels deep. */
export function deepFlow(depth = 40_000): string {
  return `${HEADER}spec: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** A document whose last line is `length` characters long, the cursor at its end. */
export function longLine(length = 40_000): { text: string; offset: number } {
  const text = `${HEADER}spec:\n  m${' '.repeat(length)}\n`;
  return { text, offset: text.length - 1 };
}

/** About `chars` characters of realistic manifests, many documents. */
export function bigManifest(chars = 7_900_000): string {
  let n = 1000;
  let text = generateManifest(n);
  // Documents grow a little with their numbers: scale, then trim to the size.
  while (text.length < chars) text = generateManifest((n = Math.ceil((n * chars) / text.length) + 10));
  const cut = text.lastIndexOf('\n---\n', chars);
  return text.slice(0, cut + 1);
}

/** One document of about `chars` characters (a single huge policy). */
export function bigDocument(chars = 7_900_000): string {
  const head = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: huge\nspec:\n  rules:\n';
  const rule =
    '  - from:\n    - source:\n        principals: ["cluster.local/ns/a/sa/b"]\n' + '    to:\n    - operation:\n        paths: ["/x"]\n';
  return head + rule.repeat(Math.ceil(chars / rule.length));
}

/** The offset just before the first line break after the middle: where a typed character lands. */
export function middleLineEnd(text: string): number {
  const nl = text.indexOf('\n', Math.floor(text.length / 2));
  return nl < 0 ? text.length : nl;
}

export const BACKTRACKING_GLOB = '*a*a*a*a*a*a*a*a*b';
