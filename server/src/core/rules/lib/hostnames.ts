// Host, address and label syntax as Istio's webhook reads it (pkg/config/validation/agent/validation.go and
// pkg/config/labels/instance.go); each check returns a reason worded for people, or undefined when accepted.
import { isCidr, isNetipAddr } from '../../ip-address';

/** Istio's labels.IsDNS1123Label: unlike Kubernetes' own check, upper-case letters pass. */
const LABEL = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
const DNS_LABEL = new RegExp(`^${LABEL}$`);
/** labels.IsWildcardDNS1123Label: "*", or a label led by "*" or "*-". */
const WILDCARD_LABEL = new RegExp(`^(?:\\*|(?:\\*|\\*-)?${LABEL})$`);
const MAX_LABEL = 63;
const MAX_DOMAIN = 255;
const LABEL_RULE = 'letters, digits and inner "-", at most 63 characters';

function isIstioDnsLabel(text: string): boolean {
  return text.length <= MAX_LABEL && DNS_LABEL.test(text);
}

/** CheckDNS1123Preconditions: the length limits shared by host names with and without wildcards. */
function lengthProblem(name: string): string | undefined {
  if (name.length > MAX_DOMAIN) return `it is ${name.length} characters long; a domain name has at most ${MAX_DOMAIN}`;
  if (name === '') return 'it is empty';
  return undefined;
}

/** strconv.Atoi succeeds: optional sign, decimal digits, within int64 (a longer run of digits is not "numeric" to Go). */
function goAtoiAccepts(text: string): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const n = BigInt(text);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

/** ValidateDNS1123Labels: no all-digit top-level label, every label a DNS label; one trailing dot is allowed. */
function labelsOfDomainProblem(domain: string): string | undefined {
  const parts = domain.split('.');
  const top = parts[parts.length - 1];
  if (goAtoiAccepts(top)) return `its last label "${top}" is all digits, so it reads as neither a name nor an IP address`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isIstioDnsLabel(parts[i])) return describeBadLabel(parts[i]);
  }
  return undefined;
}

function describeBadLabel(label: string): string {
  if (label === '') return 'it has an empty label (two dots in a row, or a leading dot)';
  if (label.includes('*')) return `"*" is only allowed at the start of the first label, not in "${label}"`;
  return `the label "${label}" is not a DNS label (${LABEL_RULE})`;
}

/** ValidateWildcardDomain: a domain name whose first label may be "*", "*foo" or "*-foo". */
export function wildcardDomainProblem(host: string): string | undefined {
  const length = lengthProblem(host);
  if (length) return length;
  const dot = host.indexOf('.');
  const first = dot < 0 ? host : host.slice(0, dot);
  if (first.length > MAX_LABEL || !WILDCARD_LABEL.test(first)) return describeBadLabel(first);
  return dot < 0 ? undefined : labelsOfDomainProblem(host.slice(dot + 1));
}

/** ValidateFQDN: a domain name without wildcards (one trailing dot allowed). */
export function fqdnProblem(host: string): string | undefined {
  return lengthProblem(host) ?? labelsOfDomainProblem(host);
}

/** ValidatePartialWildCard (a warning for ServiceEntry hosts): "*" alone or "*." at the start, nothing else. */
export function partialWildcardProblem(host: string): string | undefined {
  if (!host.includes('*') || host.length === 1 || host.startsWith('*.')) return undefined;
  return `"${host}" is a partial wildcard; Istio matches "*" only as the whole host or as a leading "*." label`;
}

/** validateSidecarOrGatewayHostnamePart: the dnsName after "namespace/". Gateways also take an IP address. */
function hostnamePartProblem(hostname: string, gateway: boolean): string | undefined {
  if (hostname !== '*' && !hostname.includes('.')) {
    return `"${hostname}" is a short name; write the fully qualified name (e.g. ${hostname}.<namespace>.svc.cluster.local) or "*"`;
  }
  const domain = wildcardDomainProblem(hostname);
  if (domain && !(gateway && isNetipAddr(hostname))) return domain;
  return partialWildcardProblem(hostname);
}

/**
 * ValidateNamespaceSlashWildcardHostname: Sidecar egress hosts and Gateway server hosts are `namespace/dnsName`.
 * The namespace is "*", "." or a DNS label, and for Sidecars also "~". Gateways accept a bare dnsName (the old form).
 */
export function namespaceSlashHostProblem(host: string, opts: { gateway: boolean }): string | undefined {
  const slash = host.indexOf('/');
  if (slash < 0) return opts.gateway ? hostnamePartProblem(host, true) : 'it is not of the form namespace/dnsName';
  const namespace = host.slice(0, slash);
  const dnsName = host.slice(slash + 1);
  if (namespace === '' || dnsName === '') return 'the namespace and the dnsName around "/" must both be set';
  const specials = opts.gateway ? ['*', '.'] : ['*', '.', '~'];
  if (!specials.includes(namespace) && !isIstioDnsLabel(namespace)) {
    return `the namespace "${namespace}" is not ${specials.map((s) => `"${s}"`).join(', ')} or a namespace name`;
  }
  return hostnamePartProblem(dnsName, opts.gateway);
}

/** ValidateIPSubnet: with exactly one "/" a CIDR block (netip.ParsePrefix), otherwise an IP address (netip.ParseAddr). */
export function ipSubnetProblem(text: string): string | undefined {
  if (text.split('/').length === 2) return isCidr(text) ? undefined : `"${text}" is not a valid CIDR block`;
  return isNetipAddr(text) ? undefined : `"${text}" is not a valid IP address`;
}

/** ValidateUnixAddress, on the path after "unix://": an abstract "@name", or an absolute path that is not a directory. */
export function unixSocketProblem(socket: string): string | undefined {
  if (socket === '') return 'the socket path after unix:// is empty';
  if (socket.startsWith('@')) return undefined;
  if (!socket.startsWith('/') || socket.endsWith('/')) return `"${socket}" is not an absolute path to a file`;
  return undefined;
}

/** The webhook's "neither an IP nor an FQDN" test (ValidateFQDN, then netip.ParseAddr). */
export function isFqdnOrIp(text: string): boolean {
  return fqdnProblem(text) === undefined || isNetipAddr(text);
}

const QUALIFIED_NAME = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const KEY_PREFIX = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const MAX_PREFIX = 253;
const NAME_RULE = 'letters, digits, "-", "_" and "." that starts and ends with a letter or digit';

/** labels.Instance.Validate for a key: `[prefix/]name`; the prefix may use upper case, the name is at most 63 long. */
export function istioLabelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (!KEY_PREFIX.test(prefix)) return `the prefix "${prefix}" before "/" is not a DNS name`;
    if (prefix.length > MAX_PREFIX) return `the prefix before "/" is longer than ${MAX_PREFIX} characters`;
  }
  if (!QUALIFIED_NAME.test(name)) return name === '' ? 'the name is empty' : `the name "${name}" is not ${NAME_RULE}`;
  if (name.length > MAX_LABEL) return `the name is longer than ${MAX_LABEL} characters`;
  return undefined;
}

/** labels.Instance.Validate for a value: empty, or a qualified name of any length (Istio sets no 63-character limit). */
export function istioLabelValueProblem(value: string): string | undefined {
  return value === '' || QUALIFIED_NAME.test(value) ? undefined : `"${value}" is not empty or ${NAME_RULE}`;
}

export interface LabelProblem {
  key: string;
  on: 'key' | 'value';
  message: string;
}

/** Every key and string value of a label map that labels.Instance.Validate rejects. */
export function labelsProblems(labels: Record<string, unknown>): LabelProblem[] {
  const out: LabelProblem[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = istioLabelKeyProblem(key);
    if (keyProblem) out.push({ key, on: 'key', message: keyProblem });
    const valueProblem = typeof value === 'string' ? istioLabelValueProblem(value) : undefined;
    if (valueProblem) out.push({ key, on: 'value', message: valueProblem });
  }
  return out;
}
