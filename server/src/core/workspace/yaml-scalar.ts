// Writes a string as a YAML scalar that reads back as the same string: plain when that is
// unambiguous, double-quoted otherwise (numbers, booleans, empty, special characters).

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;
const LOOKS_TYPED =
  /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;

export function yamlScalar(value: string): string {
  return value !== '' && PLAIN.test(value) && !LOOKS_TYPED.test(value) ? value : JSON.stringify(value);
}
