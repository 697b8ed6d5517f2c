// Go's strconv.ParseBool, which Istio applies to the istio.io/dry-run annotation and the
// sidecar.istio.io/inject switch: anything outside its fixed words is no boolean at all.

export function parseGoBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}
