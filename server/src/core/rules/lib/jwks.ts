// Whether an inline JWKS is something Istio's JWK parser can read: a JSON object that is one key
// or a set under "keys", each key an object with a known key type.
import { asRecord } from '../../resources';

const KEY_TYPES = ['RSA', 'EC', 'OKP', 'oct'];

/** Why the text is not a readable JWK or JWK set, or undefined when it is. */
export function jwksProblem(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  const doc = asRecord(parsed);
  if (!doc) return 'it is not a JSON object';
  if (doc.keys === undefined) return keyProblem(doc);
  if (!Array.isArray(doc.keys)) return '"keys" is not a list';
  for (const key of doc.keys) {
    const problem = keyProblem(asRecord(key));
    if (problem) return problem;
  }
  return undefined;
}

function keyProblem(key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return 'a key is not a JSON object';
  if (typeof key.kty !== 'string') return 'a key has no "kty" (key type)';
  if (!KEY_TYPES.includes(key.kty)) return `key type "${key.kty}" is not one of ${KEY_TYPES.join(', ')}`;
  return undefined;
}
