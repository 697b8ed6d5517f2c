// Go's strconv.ParseBool, which Istio applies to the istio.io/dry-run annotation: anything outside its
// fixed words is no boolean at all. (The sidecar.istio.io/inject switch is compared with "true" and
// "false" exactly: policy/injection.ts.)

export function parseGoBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}
