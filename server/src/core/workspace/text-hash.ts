// A 64-bit digest of a text (two 32-bit FNV-1a style passes with different primes and seeds, in
// one loop), for cache keys that must not hold the text itself alive.

export function textDigest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Joined rather than concatenated: a concatenation of 13 characters or more is a pair of pointers to its parts.
  return [text.length.toString(36), (a >>> 0).toString(36), (b >>> 0).toString(36)].join('.');
}
