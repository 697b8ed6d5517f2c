// Kubernetes' own syntax checks for label and annotation keys and label values, as the API
// machinery (and cert-manager's webhook, which reuses it) applies them.

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a qualified name (`[prefix/]name`), or undefined when it is. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'it has more than one "/"';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '') return 'the prefix before "/" is empty';
    if (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return `the prefix "${prefix}" is not a lower-case DNS subdomain`;
  }
  if (name === '') return 'the name part is empty';
  if (name.length > 63) return 'the name part is longer than 63 characters';
  if (!NAME_PART.test(name))
    return 'the name part may hold only letters, digits, "-", "_" and ".", and must start and end with a letter or digit';
  return undefined;
}

/** Why `value` is not a valid label value, or undefined when it is (the empty value is valid). */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'it is longer than 63 characters';
  if (!NAME_PART.test(value)) return 'it may hold only letters, digits, "-", "_" and ".", and must start and end with a letter or digit';
  return undefined;
}
