// acme.cert-manager.io v1: the ACME issuer config and solvers (used by Issuer), Order and Challenge.
import { arr, bool, concept, defsFile, enm, int32, obj, ref, str, strMap, strs, anyValue } from './dsl.mjs';
import { BASE64, CM } from './cert-manager.mjs';

const A = (name) => `meshlint:acme.cert-manager.io/defs#/definitions/${name}`;
const K = (name) => `meshlint:common/k8s#/definitions/${name}`;
const secret = (d) => ref(CM('SecretKeySelector'), d);

const dns01 = obj('Prove control of the domain with a TXT record. Configure exactly one provider.', {
  cnameStrategy: enm('Follow: follow a CNAME on _acme-challenge to another zone. None (default): do not.', ['None', 'Follow']),
  acmeDNS: obj(
    'acme-dns server.',
    {
      host: str('acme-dns API URL.'),
      accountSecretRef: secret('Secret key holding the acme-dns account JSON.'),
    },
    { required: ['accountSecretRef', 'host'] },
  ),
  akamai: obj(
    'Akamai Edge DNS.',
    {
      serviceConsumerDomain: str('Akamai API host.'),
      accessTokenSecretRef: secret('Access token.'),
      clientSecretSecretRef: secret('Client secret.'),
      clientTokenSecretRef: secret('Client token.'),
    },
    { required: ['accessTokenSecretRef', 'clientSecretSecretRef', 'clientTokenSecretRef', 'serviceConsumerDomain'] },
  ),
  azureDNS: obj(
    'Azure DNS.',
    {
      subscriptionID: str('Azure subscription ID.'),
      resourceGroupName: str('Resource group of the zone.'),
      hostedZoneName: str('DNS zone name.'),
      environment: enm('Azure cloud.', ['AzurePublicCloud', 'AzureChinaCloud', 'AzureGermanCloud', 'AzureUSGovernmentCloud']),
      tenantID: str('Tenant of the service principal.'),
      clientID: str('Service principal client ID.'),
      clientSecretSecretRef: secret('Service principal secret; prefer managed identity.'),
      managedIdentity: obj('Workload or pod managed identity.', {
        clientID: str('Client ID of the identity.'),
        resourceID: str('Resource ID of the identity.'),
        tenantID: str('Tenant ID of the identity.'),
      }),
      zoneType: enm('Public or private zone.', ['AzurePublicZone', 'AzurePrivateZone']),
    },
    { required: ['resourceGroupName', 'subscriptionID'] },
  ),
  cloudDNS: obj(
    'Google Cloud DNS.',
    {
      project: str('GCP project ID.'),
      hostedZoneName: str('Managed zone name; found automatically when empty.'),
      serviceAccountSecretRef: secret('Service account key JSON; prefer workload identity.'),
    },
    { required: ['project'] },
  ),
  cloudflare: obj('Cloudflare.', {
    email: str('Account email (only with apiKeySecretRef).'),
    apiKeySecretRef: secret('Global API key (broad access; prefer apiTokenSecretRef).'),
    apiTokenSecretRef: secret('Scoped API token.'),
  }),
  digitalocean: obj('DigitalOcean.', { tokenSecretRef: secret('API token.') }, { required: ['tokenSecretRef'] }),
  rfc2136: obj(
    'Any DNS server accepting RFC 2136 dynamic updates.',
    {
      nameserver: str('Server address, host:port or IP.'),
      protocol: enm('Transport for updates.', ['TCP', 'UDP']),
      tsigKeyName: str('TSIG key name.'),
      tsigAlgorithm: str('TSIG algorithm, e.g. HMACSHA256.'),
      tsigSecretSecretRef: secret('TSIG secret.'),
    },
    { required: ['nameserver'] },
  ),
  route53: obj('AWS Route 53.', {
    region: str('AWS region.'),
    hostedZoneID: str('Hosted zone ID; found automatically when empty.'),
    role: str('IAM role ARN to assume.'),
    accessKeyID: str('Access key ID in clear text; prefer accessKeyIDSecretRef or ambient credentials.'),
    accessKeyIDSecretRef: secret('Access key ID.'),
    secretAccessKeySecretRef: secret('Secret access key.'),
    auth: obj(
      'Authenticate with a Kubernetes service account token (IRSA-style).',
      {
        kubernetes: obj(
          'Service account token settings.',
          {
            serviceAccountRef: ref(CM('ServiceAccountRef'), 'Service account whose token is exchanged for AWS credentials.'),
          },
          { required: ['serviceAccountRef'] },
        ),
      },
      { required: ['kubernetes'] },
    ),
  }),
  webhook: obj(
    'An out-of-tree DNS provider served by a webhook.',
    {
      groupName: str('API group of the webhook solver.'),
      solverName: str('Name of the solver inside the webhook.'),
      config: anyValue('Provider-specific configuration passed to the webhook.'),
    },
    { required: ['groupName', 'solverName'] },
  ),
});

const objectMetaTemplate = (d) =>
  obj(d, {
    annotations: strMap('Annotations to add.'),
    labels: strMap('Labels to add.'),
  });

const podTemplate = obj('Overrides for the temporary solver pod.', {
  metadata: objectMetaTemplate(
    'Labels and annotations for the pod, e.g. sidecar.istio.io/inject: "false" so the solver works in a STRICT mesh.',
  ),
  spec: obj('Pod settings.', {
    affinity: ref(K('Affinity')),
    imagePullSecrets: arr('Secrets for pulling the solver image.', ref(K('LocalObjectReference'))),
    nodeSelector: strMap('Node labels the pod must run on.'),
    priorityClassName: str('Priority class of the pod.'),
    resources: ref(K('ResourceRequirements')),
    securityContext: ref(K('PodSecurityContext')),
    serviceAccountName: str('Service account the pod runs as.'),
    tolerations: arr('Taints the pod tolerates.', ref(K('Toleration'))),
  }),
});

// A plain string as in the CRD: the webhook's narrower list (ClusterIP or NodePort) is the issuer-acme-solvers rule's job.
const serviceType = str('Type of the Service in front of the solver pod: ClusterIP or NodePort (the default when empty).');

const gatewayParentRef = obj(
  'A Gateway (or listener) the solver HTTPRoute attaches to.',
  {
    group: str('API group; default gateway.networking.k8s.io.', {
      maxLength: 253,
      pattern: '^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
    }),
    kind: str('Kind; default Gateway.', { minLength: 1, maxLength: 63, pattern: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$' }),
    name: str('Name of the parent.', { minLength: 1, maxLength: 253 }),
    namespace: str("Namespace of the parent; default the route's namespace.", {
      minLength: 1,
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    }),
    port: int32('Listener port to attach to.', { minimum: 1, maximum: 65535 }),
    sectionName: str('Listener name to attach to.', {
      minLength: 1,
      maxLength: 253,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
    }),
  },
  { required: ['name'] },
);

const http01 = obj('Prove control of the domain by serving a token over plain HTTP on port 80. Set ingress or gatewayHTTPRoute.', {
  ingress: obj('Serve the challenge through an Ingress.', {
    class: str('Value for the kubernetes.io/ingress.class annotation.'),
    ingressClassName: str('IngressClass to use.'),
    name: str('Existing Ingress to add the challenge path to.'),
    serviceType,
    podTemplate,
    ingressTemplate: obj('Overrides for the temporary Ingress.', {
      metadata: objectMetaTemplate('Labels and annotations for the Ingress.'),
    }),
  }),
  gatewayHTTPRoute: obj('Serve the challenge through a Gateway API HTTPRoute.', {
    labels: strMap('Labels for the HTTPRoute.'),
    parentRefs: arr('Gateways the HTTPRoute attaches to.', gatewayParentRef),
    serviceType,
    podTemplate,
  }),
});

const solver = obj('One way to answer ACME challenges, for the domains its selector matches (all when empty).', {
  selector: obj('Which certificates and domains use this solver; the most specific match wins.', {
    dnsNames: strs('Exact DNS names.'),
    dnsZones: strs('DNS zones (the name and its subdomains).'),
    matchLabels: strMap('Labels on the Certificate.'),
  }),
  http01,
  dns01,
  waitInsteadOfSelfCheck: str(
    'Skip the self-check and wait this long (a duration, e.g. 2m) before asking the CA to validate. For networks where the check cannot succeed.',
  ),
});

const acmeIssuer = concept(
  'certificate-lifetime',
  obj(
    "Get certificates from an ACME CA such as Let's Encrypt.",
    {
      server: str('ACME directory URL, e.g. https://acme-v02.api.letsencrypt.org/directory (use the staging URL while testing).'),
      email: str('Contact address registered with the ACME account (expiry notices).'),
      privateKeySecretRef: secret('Secret holding the ACME account key; generated when missing.'),
      preferredChain: str('Prefer the chain whose top certificate has this common name.', { maxLength: 64 }),
      profile: str('ACME certificate profile to request, e.g. shortlived.'),
      caBundle: str('PEM CA bundle to verify the ACME server. Base64-encoded. Cannot be combined with skipTLSVerify.', { pattern: BASE64 }),
      skipTLSVerify: bool(
        "Do not verify the ACME server's certificate: anyone on the path could obtain your account and certificates. Test setups only.",
      ),
      externalAccountBinding: obj(
        'Bind to an existing account at the CA (EAB).',
        {
          keyID: str('Key ID from the CA.'),
          keySecretRef: secret('Secret key holding the MAC key.'),
          keyAlgorithm: enm('Deprecated: MAC algorithm.', ['HS256', 'HS384', 'HS512']),
        },
        { required: ['keyID', 'keySecretRef'] },
      ),
      disableAccountKeyGeneration: bool('Fail instead of creating a new account key when the Secret is missing.'),
      enableDurationFeature: bool("Send the Certificate duration to the CA (not supported by Let's Encrypt)."),
      solvers: arr('How challenges are answered.', ref(A('ACMEChallengeSolver'))),
    },
    { required: ['privateKeySecretRef', 'server'] },
  ),
);

const orderSpec = obj(
  'An ACME order, created by cert-manager for a CertificateRequest.',
  {
    request: str('PEM certificate signing request. Base64-encoded.', { pattern: BASE64 }),
    issuerRef: ref(CM('IssuerReference')),
    commonName: str('Common name requested.'),
    dnsNames: strs('DNS names requested.'),
    ipAddresses: strs('IP addresses requested.'),
    duration: str('Requested lifetime, when the issuer allows it.'),
    profile: str('ACME profile requested.'),
    replaces: str('ACME renewal-information ID of the certificate this order replaces (RFC 9773).'),
  },
  { required: ['issuerRef', 'request'] },
);

const challengeSpec = obj(
  'One ACME challenge for one domain, created by cert-manager.',
  {
    authorizationURL: str('ACME authorization URL.'),
    dnsName: str('Domain being validated.'),
    wildcard: bool('True for a wildcard name.'),
    type: enm('Challenge type.', ['HTTP-01', 'DNS-01']),
    token: str('Challenge token.'),
    key: str('Key authorization to serve or publish.'),
    url: str('ACME challenge URL.'),
    solver: ref(A('ACMEChallengeSolver')),
    issuerRef: ref(CM('IssuerReference')),
  },
  { required: ['authorizationURL', 'dnsName', 'issuerRef', 'key', 'solver', 'token', 'type', 'url'] },
);

export const acmeDefs = defsFile(
  'acme.cert-manager.io/defs',
  'ACME types of cert-manager: issuer settings, solvers, Order and Challenge.',
  {
    ACMEIssuer: acmeIssuer,
    ACMEChallengeSolver: solver,
    OrderSpec: orderSpec,
    ChallengeSpec: challengeSpec,
  },
);

export const acmeKinds = [
  { kind: 'Order', description: 'An ACME order; cert-manager creates and manages it, you rarely write one.' },
  { kind: 'Challenge', description: 'An ACME challenge; cert-manager creates and manages it, you rarely write one.' },
].map((k) => ({
  group: 'acme.cert-manager.io',
  version: 'v1',
  current: true,
  required: ['metadata', 'spec'],
  spec: ref(A(`${k.kind}Spec`)),
  ...k,
}));
