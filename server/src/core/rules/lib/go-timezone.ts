// Go's time.LoadLocation answered with ECMAScript's Intl time-zone data (no Node, no I/O). Where the
// two differ, this leans to Go: names are case-sensitive file names there, "Local" exists, and a
// numeric offset such as "+05:00" is not a zone file.

/** True when Go would load `name` from the IANA database that cert-manager's webhook image carries. */
export function goZoneExists(name: string): boolean {
  if (name === '' || name === 'UTC' || name === 'Local') return true;
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\') || /^[+-]/.test(name)) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // Intl matches case-insensitively and Go does not: "america/new_york" is no file.
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved === name;
  const canonical = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === name.toLowerCase());
  return canonical === undefined || canonical === name;
}
