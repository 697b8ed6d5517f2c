// Base64 digits to bytes without Node's Buffer or the DOM's atob (core code does no Node I/O): one
// decoder for the standard alphabet (PEM blocks of CSRs and CA bundles) and the URL-safe one (JWTs).
// Callers decide what counts as well-formed (padding, line breaks) before handing the digits over.

export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The bytes of unpadded digits in `alphabet`, or undefined at a character outside it; leftover bits are dropped. */
export function base64Digits(digits: string, alphabet: string): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor((digits.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const ch of digits) {
    const v = alphabet.indexOf(ch);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
