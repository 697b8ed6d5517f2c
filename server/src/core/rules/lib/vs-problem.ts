// The finding shape the VirtualService checks return: a place, a message, and a warning level where
// the webhook only warns.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import type { Problem } from './istio-values';

/** The shared networking finding shape (istio-values Problem), named for the VirtualService checks. */
export type VsProblem = Problem;

/** The mapping at each index of a list, with its path; other items (null, scalars) are skipped. */
export function recordsIn(list: unknown, path: PathSegment[]): { item: Record<string, unknown>; path: PathSegment[] }[] {
  if (!Array.isArray(list)) return [];
  const out: { item: Record<string, unknown>; path: PathSegment[] }[] = [];
  list.forEach((value, i) => {
    const item = asRecord(value);
    if (item) out.push({ item, path: [...path, i] });
  });
  return out;
}
