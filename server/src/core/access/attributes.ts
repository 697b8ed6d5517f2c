// Which request attribute each AuthorizationPolicy field or `when` key reads, whether it needs HTTP,
// and whether ztunnel can enforce it (Istio model.go:25-45 and 79-156; ambient/authorization.go:640-665).
import { L4_WHEN } from '../policy/rule-fields';

export type AttributeKind =
  | 'principal'
  | 'namespace'
  | 'serviceAccount'
  | 'trustDomain'
  | 'sourceIp'
  | 'remoteIp'
  | 'requestPrincipal'
  | 'audiences'
  | 'presenter'
  | 'claim'
  | 'header'
  | 'host'
  | 'method'
  | 'path'
  | 'port'
  | 'destinationIp'
  | 'sni'
  | 'envoyFilter';

export interface Attribute {
  kind: AttributeKind;
  /** Header name, or the claim path for request.auth.claims[a][b]. */
  arg?: string[];
  /** The attribute does not exist on a TCP chain (a generator error when building for TCP). */
  httpOnly: boolean;
  /** ztunnel enforces it (L4); anything else is L7 in ambient. */
  l4: boolean;
  /** The query name an UNKNOWN answer asks for. */
  missingName: string;
}

const SOURCE_FIELDS: Record<string, AttributeKind> = {
  principals: 'principal',
  namespaces: 'namespace',
  serviceAccounts: 'serviceAccount',
  trustDomains: 'trustDomain',
  ipBlocks: 'sourceIp',
  remoteIpBlocks: 'remoteIp',
  requestPrincipals: 'requestPrincipal',
  hosts: 'host',
  methods: 'method',
  paths: 'path',
  ports: 'port',
};

const WHEN_KEYS: Record<string, AttributeKind> = {
  'source.principal': 'principal',
  'source.namespace': 'namespace',
  'source.serviceAccount': 'serviceAccount',
  'source.trustDomain': 'trustDomain',
  'source.ip': 'sourceIp',
  'remote.ip': 'remoteIp',
  'request.auth.principal': 'requestPrincipal',
  'request.auth.audiences': 'audiences',
  'request.auth.presenter': 'presenter',
  'destination.ip': 'destinationIp',
  'destination.port': 'port',
  'connection.sni': 'sni',
};

const HTTP_ONLY = new Set<AttributeKind>(['requestPrincipal', 'audiences', 'presenter', 'claim', 'header', 'host', 'method', 'path']);
/** ztunnel's l4WhenAttributes plus the source and operation fields it converts; trustDomain is handled apart. */
const L4 = new Set<AttributeKind>(['principal', 'namespace', 'serviceAccount', 'sourceIp', 'port', 'destinationIp']);

const MISSING: Partial<Record<AttributeKind, string>> = {
  header: 'host',
  host: 'host',
  sourceIp: 'sourceIp',
  remoteIp: 'remoteIp',
  destinationIp: 'destinationIp',
  sni: 'sni',
};

/** `notPrincipals` -> `principals`; when keys pass through. */
export function positiveName(name: string): string {
  if (/^not[A-Z]/.test(name)) return name[3].toLowerCase() + name.slice(4);
  return name;
}

/** Names in brackets: `[a][b]` -> [a, b]; undefined when malformed (Istio then fails the rule or value). */
function bracketed(rest: string): string[] | undefined {
  if (!/^(\[[^\][]+\])+$/.test(rest)) return undefined;
  return [...rest.matchAll(/\[([^\][]+)\]/g)].map((m) => m[1]);
}

function make(kind: AttributeKind, arg?: string[]): Attribute {
  return {
    kind,
    arg,
    httpOnly: HTTP_ONLY.has(kind),
    l4: L4.has(kind),
    missingName: kind === 'envoyFilter' ? `metadata ${arg?.join('.') ?? ''}` : (MISSING[kind] ?? kind),
  };
}

/**
 * The attribute of a field (`principals`, `notPaths`, ...) or when key (`request.headers[x]`, ...).
 * 'unknown-key' makes Istio skip the whole rule (model.go:119-121); 'bad-argument' fails each value.
 */
export function attributeOf(name: string, inWhen: boolean): Attribute | 'unknown-key' | 'bad-argument' {
  if (!inWhen) {
    const kind = SOURCE_FIELDS[positiveName(name)];
    return kind ? make(kind) : 'unknown-key';
  }
  const direct = WHEN_KEYS[name];
  // ztunnel takes only its l4WhenAttributes from `when` (ambient/authorization.go, handleRule), even
  // for a kind it does convert as a source field (serviceAccounts): source.serviceAccount is L7 here.
  if (direct) return { ...make(direct), l4: L4_WHEN.has(name) };
  if (name.startsWith('request.headers')) {
    const names = bracketed(name.slice('request.headers'.length));
    return names?.length === 1 ? make('header', names) : 'bad-argument';
  }
  if (name.startsWith('request.auth.claims')) {
    const path = bracketed(name.slice('request.auth.claims'.length));
    return path ? make('claim', path) : 'bad-argument';
  }
  if (name.startsWith('experimental.envoy.filters.')) return make('envoyFilter', [name.slice('experimental.'.length)]);
  return 'unknown-key';
}
