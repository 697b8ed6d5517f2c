// Reads manifest data the way the Go admission webhooks see it after decoding: null and missing
// are the same, an absent list is empty, an absent string is "".
import { asRecord } from '../../resources';

/** Present and not null: Go would decode it into a non-nil pointer, map or slice. */
export function isSet(holder: Record<string, unknown> | undefined, key: string): boolean {
  return holder !== undefined && holder[key] !== undefined && holder[key] !== null;
}

/** The list at `key`, or an empty list when absent or not a list. */
export function listAt(holder: Record<string, unknown> | undefined, key: string): unknown[] {
  const v = holder?.[key];
  return Array.isArray(v) ? v : [];
}

/** The string at `key`, or "" when absent or not a string. */
export function stringAt(holder: Record<string, unknown> | undefined, key: string): string {
  const v = holder?.[key];
  return typeof v === 'string' ? v : '';
}

/** The mapping at `key`, or undefined. */
export function recordAt(holder: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
  return asRecord(holder?.[key]);
}

/** A list with at least one element (Go: len(x) > 0). */
export function hasItems(holder: Record<string, unknown> | undefined, key: string): boolean {
  return listAt(holder, key).length > 0;
}

/** Length in UTF-8 bytes, which is what Go's len() counts for a string. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
