// security.istio.io: PeerAuthentication, AuthorizationPolicy, RequestAuthentication (v1 and v1beta1 share one shape).
import { arr, bool, concept, defsFile, enm, obj, ref, str, strs } from './dsl.mjs';

const D = (name) => `meshlint:security.istio.io/defs#/definitions/${name}`;
const C = (name) => `meshlint:common/istio#/definitions/${name}`;

const mtlsMode = concept(
  'mtls-modes',
  enm(
    'Which traffic the sidecar accepts. STRICT: mutual TLS only, so every caller is authenticated by its workload certificate (the zero-trust setting). ' +
      'PERMISSIVE: mTLS and plaintext are both accepted, so any pod that can reach the port may talk to it unauthenticated (meant for migration only). ' +
      'DISABLE: plaintext only, no peer identity at all. UNSET: inherit from the namespace or mesh-wide policy (PERMISSIVE when nothing is set).',
    ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'],
  ),
);

const peerAuthenticationSpec = obj('How the selected workloads authenticate their peers (mutual TLS).', {
  selector: ref(
    C('WorkloadSelector'),
    'Workloads this policy applies to. Without it the policy covers the whole namespace, or the whole mesh when placed in the root namespace (istio-system by default).',
  ),
  mtls: concept('mtls-modes', obj('mTLS mode for all ports of the selected workloads.', { mode: mtlsMode })),
  portLevelMtls: concept('mtls-modes', {
    description:
      'Per-port overrides of the mTLS mode, keyed by the workload (container) port number, 1..65535. Needs a selector with matchLabels. ' +
      'A port set to DISABLE or PERMISSIVE is a hole in an otherwise STRICT workload.',
    type: 'object',
    minProperties: 1,
    additionalProperties: obj('mTLS mode for this port.', { mode: mtlsMode }),
  }),
});

const source = obj('Who the request comes from. All listed fields must match (AND); values inside one field are alternatives (OR).', {
  principals: concept(
    'workload-identity',
    strs(
      'Peer identities (mTLS required) in the form <trust-domain>/ns/<namespace>/sa/<service-account>, e.g. cluster.local/ns/shop/sa/frontend. ' +
        'Do not add the spiffe:// prefix. "*" means any authenticated peer; plaintext callers never match.',
    ),
  ),
  notPrincipals: concept('workload-identity', strs('Peer identities that must not match. Needs mTLS to be meaningful.')),
  requestPrincipals: concept(
    'request-authentication',
    strs(
      'JWT identities <iss>/<sub> validated by a RequestAuthentication. "*" requires any valid token; this is how you make a token mandatory.',
    ),
  ),
  notRequestPrincipals: concept('request-authentication', strs('JWT identities that must not match.')),
  namespaces: concept(
    'workload-identity',
    strs('Namespaces of the calling workload, taken from its mTLS certificate. Plaintext callers never match.'),
  ),
  notNamespaces: concept('workload-identity', strs('Caller namespaces that must not match. Needs mTLS to be meaningful.')),
  serviceAccounts: concept(
    'workload-identity',
    strs(
      'Caller service accounts as <namespace>/<name> (mTLS identity, at most 16). Cannot be combined with principals or namespaces.',
      { maxItems: 16 },
      { maxLength: 320 },
    ),
  ),
  notServiceAccounts: concept(
    'workload-identity',
    strs('Caller service accounts that must not match (at most 16).', { maxItems: 16 }, { maxLength: 320 }),
  ),
  trustDomains: concept(
    'workload-identity',
    strs(
      "Trust domains of the caller's mTLS identity, e.g. cluster.local. Matches any workload of those domains; plaintext callers never match.",
    ),
  ),
  notTrustDomains: concept('workload-identity', strs('Caller trust domains that must not match. Needs mTLS to be meaningful.')),
  ipBlocks: strs('Source IPs or CIDR ranges of the direct peer connection. IPs are not identities: prefer principals.'),
  notIpBlocks: strs('Source IPs or CIDR ranges that must not match.'),
  remoteIpBlocks: strs("Original client IPs (from X-Forwarded-For, per the gateway's trusted hops) or CIDR ranges."),
  notRemoteIpBlocks: strs('Original client IPs or CIDR ranges that must not match.'),
});

const operation = obj(
  'What the request does. All listed fields must match; values inside one field are alternatives. HTTP fields (hosts, methods, paths) only apply to HTTP traffic.',
  {
    hosts: strs('Host or :authority header values; exact, prefix*, *suffix or *.'),
    notHosts: strs('Hosts that must not match.'),
    ports: strs('Destination ports, as strings, e.g. "8080".'),
    notPorts: strs('Destination ports that must not match.'),
    methods: strs('HTTP methods in upper case, e.g. GET. For gRPC the method is always POST.'),
    notMethods: strs('HTTP methods that must not match.'),
    paths: strs('Request paths: exact, prefix*, *suffix or *. Paths are normalised before matching.'),
    notPaths: strs('Paths that must not match.'),
  },
);

const condition = obj(
  'An extra condition on a request attribute, e.g. request.auth.claims[groups] or source.ip.',
  {
    key: str('Attribute name, e.g. request.headers[x-team] or request.auth.claims[iss].'),
    values: strs('Accepted values (any one matches).'),
    notValues: strs('Values that must not match.'),
  },
  { required: ['key'] },
);

const rule = concept(
  'authorization-evaluation',
  obj('One rule: matches when a from, a to and every when condition match. An empty rule matches every request.', {
    from: arr('Request sources; any one may match. Omitted means any source.', obj('One source match.', { source }), { maxItems: 512 }),
    to: arr('Operations; any one may match. Omitted means any operation.', obj('One operation match.', { operation })),
    when: arr('Extra conditions; all must match.', condition),
  }),
);

const authorizationPolicySpec = concept(
  'authorization-evaluation',
  obj(
    'Access control for the selected workloads. Evaluation order: CUSTOM, then DENY, then ALLOW. ' +
      'Once any ALLOW policy selects a workload, requests that match no ALLOW rule are denied; an ALLOW policy with no rules (spec: {}) denies everything.',
    {
      selector: ref(
        C('WorkloadSelector'),
        'Workloads this policy protects. Only one of selector, targetRef or targetRefs may be set; none means the whole namespace (the whole mesh in the root namespace).',
      ),
      targetRef: ref(C('PolicyTargetReference'), 'Deprecated single target; use targetRefs.'),
      targetRefs: ref(C('PolicyTargetReferences')),
      action: concept(
        'authorization-evaluation',
        enm(
          'What happens when a rule matches. ALLOW (default): permit, and deny everything else. DENY: reject. ' +
            'AUDIT: log only, needs an audit plugin. CUSTOM: delegate the decision to the extension provider.',
          ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'],
        ),
      ),
      provider: obj('External authorizer used with action CUSTOM.', {
        name: str('Name of an extensionProviders entry in the mesh config.'),
      }),
      rules: arr(
        'Rules; the policy matches a request when any rule matches. Omitted with ALLOW: nothing is allowed (the allow-nothing, default-deny policy).',
        rule,
        { maxItems: 512 },
      ),
    },
  ),
);

const jwtRule = concept(
  'request-authentication',
  obj("How to find and validate one issuer's tokens.", {
    issuer: str('Expected iss claim, e.g. https://accounts.example.com.', { minLength: 1 }),
    audiences: strs(
      'Accepted aud values; the token must carry one of them. When empty no audience list is enforced, so tokens minted for other services may be accepted.',
      {},
      { minLength: 1 },
    ),
    jwksUri: str("HTTPS URL of the issuer's public keys (JWKS). Use https: plain http lets an attacker swap the keys.", {
      minLength: 1,
      maxLength: 2048,
    }),
    jwks_uri: str('Old spelling of jwksUri.', { minLength: 1, maxLength: 2048 }),
    jwks: str('The public key set inline, as a JSON string. Public keys only: never paste private key material here.'),
    fromHeaders: arr(
      'Headers the token is read from; default Authorization: Bearer <token>.',
      obj(
        'A header holding the token.',
        {
          name: str('Header name.', { minLength: 1 }),
          prefix: str('Text before the token, e.g. "Bearer ".'),
        },
        { required: ['name'] },
      ),
    ),
    fromParams: strs('Query parameters the token is read from.', {}, { minLength: 1 }),
    fromCookies: strs('Cookies the token is read from.', {}, { minLength: 1 }),
    outputPayloadToHeader: str('Header that receives the verified payload (base64url JSON).'),
    outputClaimToHeaders: arr(
      'Copies claims into request headers.',
      obj(
        'One claim-to-header copy.',
        {
          header: str('Header to set.', { minLength: 1, pattern: '^[-_A-Za-z0-9]+$' }),
          claim: str('Claim to copy; nested claims with dots.', { minLength: 1 }),
        },
        { required: ['header', 'claim'] },
      ),
    ),
    forwardOriginalToken: bool('Keep the token in the request sent to the application (removed by default).'),
    spaceDelimitedClaims: strs(
      'Claims whose string value is a space-separated list (scope and permission already are).',
      { maxItems: 64 },
      { minLength: 1 },
    ),
    timeout: str('Timeout for fetching the JWKS, a duration such as 5s.'),
  }),
);

const requestAuthenticationSpec = concept(
  'request-authentication',
  obj(
    'Which end-user tokens (JWT) the selected workloads accept. It only rejects invalid tokens: a request with no token still passes ' +
      'unless an AuthorizationPolicy requires requestPrincipals.',
    {
      selector: ref(C('WorkloadSelector'), 'Workloads this applies to. Only one of selector, targetRef or targetRefs may be set.'),
      targetRef: ref(C('PolicyTargetReference'), 'Deprecated single target; use targetRefs.'),
      targetRefs: ref(C('PolicyTargetReferences')),
      jwtRules: arr('Accepted token issuers; a token must satisfy the rule of its issuer.', jwtRule, { maxItems: 4096 }),
    },
  ),
);

export const securityDefs = defsFile('security.istio.io/defs', 'Spec types of security.istio.io, shared by v1 and v1beta1.', {
  PeerAuthenticationSpec: peerAuthenticationSpec,
  AuthorizationPolicySpec: authorizationPolicySpec,
  RequestAuthenticationSpec: requestAuthenticationSpec,
});

export const securityKinds = [
  {
    kind: 'PeerAuthentication',
    concept: 'mtls-modes',
    description: 'Sets which traffic a workload accepts: mutual TLS only (STRICT), both (PERMISSIVE) or plaintext (DISABLE).',
  },
  {
    kind: 'AuthorizationPolicy',
    concept: 'authorization-evaluation',
    description: 'Allows or denies requests to workloads based on caller identity, request properties and conditions.',
  },
  {
    kind: 'RequestAuthentication',
    concept: 'request-authentication',
    description: 'Validates end-user JWTs on requests to the selected workloads.',
  },
].flatMap((k) =>
  ['v1', 'v1beta1'].map((version) => ({
    group: 'security.istio.io',
    version,
    kind: k.kind,
    current: version === 'v1',
    concept: k.concept,
    description: k.description + (version === 'v1' ? '' : ' Deprecated version: use security.istio.io/v1.'),
    spec: ref(D(`${k.kind}Spec`)),
  })),
);
