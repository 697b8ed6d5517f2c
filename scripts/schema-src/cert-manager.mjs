// cert-manager.io v1: Certificate, CertificateRequest, Issuer, ClusterIssuer.
import { arr, bool, concept, defsFile, enm, int, int32, map, obj, ref, str, strMap, strs } from './dsl.mjs';

export const CM = (name) => `meshlint:cert-manager.io/defs#/definitions/${name}`;
const A = (name) => `meshlint:acme.cert-manager.io/defs#/definitions/${name}`;

export const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
const base64 = (description) => str(`${description} Base64-encoded.`, { pattern: BASE64 });

// A data list, kept compact rather than one usage a line.
// prettier-ignore
export const keyUsages = [
  'signing', 'digital signature', 'content commitment', 'key encipherment', 'key agreement', 'data encipherment',
  'cert sign', 'crl sign', 'encipher only', 'decipher only', 'any', 'server auth',
  'client auth', 'code signing', 'email protection', 's/mime', 'ipsec end system', 'ipsec tunnel',
  'ipsec user', 'timestamping', 'ocsp signing', 'microsoft sgc', 'netscape sgc',
];

const secretKeySelector = obj(
  'A key inside a Secret in the same namespace (for a ClusterIssuer: the cluster resource namespace, cert-manager by default).',
  {
    name: str('Secret name.'),
    key: str('Key inside the Secret; some fields have a default key.'),
  },
  { required: ['name'] },
);

const issuerReference = concept(
  'certificate-lifetime',
  obj(
    'The issuer that signs the certificate.',
    {
      name: str('Name of the Issuer (same namespace) or ClusterIssuer.'),
      kind: str("Issuer (default) or ClusterIssuer for cert-manager.io issuers; an external issuer's own kind otherwise."),
      group: str('API group of the issuer; empty means cert-manager.io.'),
    },
    { required: ['name'] },
  ),
);

const usages = concept(
  'certificate-lifetime',
  arr(
    'Key usages requested for the certificate. Default: digital signature and key encipherment. ' +
      'A certificate used for mutual TLS needs both server auth and client auth.',
    enm(undefined, keyUsages),
  ),
);

const nameConstraintItem = obj('A set of name constraints.', {
  dnsDomains: strs('DNS domains.'),
  ipRanges: strs('IP ranges in CIDR notation.'),
  emailAddresses: strs('Email addresses or domains.'),
  uriDomains: strs('URI domains.'),
});

const keystorePassword = {
  passwordSecretRef: ref(CM('SecretKeySelector'), 'Secret key holding the keystore password.'),
  password: str('Literal keystore password, stored in the Certificate in clear text; prefer passwordSecretRef.'),
};

const certificateSpec = concept(
  'certificate-lifetime',
  obj(
    'The certificate cert-manager keeps issued and renewed in a Secret.',
    {
      secretName: concept(
        'gateway-credentials',
        str(
          'Secret that receives tls.crt, tls.key and ca.crt. An Istio Gateway references it through credentialName (same namespace as the gateway).',
        ),
      ),
      issuerRef: ref(CM('IssuerReference')),
      commonName: str(
        'Subject common name (at most 64 characters). Discouraged for leaf certificates: clients check dnsNames; if set, repeat it in dnsNames.',
      ),
      dnsNames: strs('DNS subject alternative names.'),
      uris: concept(
        'workload-identity',
        strs('URI subject alternative names, e.g. a SPIFFE ID spiffe://cluster.local/ns/<namespace>/sa/<service-account>.'),
      ),
      emailAddresses: strs('Email subject alternative names.'),
      ipAddresses: strs('IP address subject alternative names.'),
      otherNames: arr(
        'otherName subject alternative names.',
        obj('An otherName SAN.', {
          oid: str('Object identifier of the name type, e.g. 1.3.6.1.4.1.311.20.2.3.'),
          utf8Value: str('UTF-8 string value.'),
        }),
      ),
      literalSubject: str('Exact subject as an RFC 4514 string; replaces commonName and subject.'),
      subject: obj('Distinguished-name attributes of the subject.', {
        organizations: strs('Organization (O).'),
        countries: strs('Country (C).'),
        organizationalUnits: strs('Organizational unit (OU).'),
        localities: strs('Locality (L).'),
        provinces: strs('State or province (ST).'),
        streetAddresses: strs('Street address.'),
        postalCodes: strs('Postal code.'),
        serialNumber: str('Subject serial number.'),
      }),
      duration: concept(
        'certificate-lifetime',
        str(
          'Requested lifetime, e.g. 24h or 2160h (the default, 90 days). Short lifetimes limit the damage of a leaked key. Must exceed 1h.',
        ),
      ),
      renewBefore: concept(
        'certificate-lifetime',
        str('Renew this long before expiry, e.g. 8h. At least 5m and less than duration; default is a third of the lifetime.'),
      ),
      renewBeforePercentage: concept(
        'certificate-lifetime',
        int32('Renew when this percentage of the lifetime remains. Alternative to renewBefore.'),
      ),
      renewal: concept(
        'certificate-lifetime',
        obj('When renewal may happen.', {
          policy: enm(
            'RenewBefore (renew per renewBefore or renewBeforePercentage) or Disabled (never renew: the certificate simply expires).',
            ['RenewBefore', 'Disabled'],
          ),
          windows: arr(
            'Time windows in which renewal is allowed.',
            obj(
              'One renewal window.',
              {
                cron: str('Cron schedule (five fields) at which the window opens.', { minLength: 1 }),
                timezone: str('IANA time zone of the schedule, e.g. Europe/Berlin; UTC when unset.', { minLength: 1 }),
                windowDuration: str('How long the window stays open, e.g. 2h30m (units h, m, s).', {
                  pattern: '^([0-9]+(\\.[0-9]+)?(s|m|h))+$',
                }),
              },
              { required: ['cron', 'windowDuration'] },
            ),
          ),
        }),
      ),
      isCA: bool('Request a CA certificate (basic constraints CA:true) that can sign others.'),
      usages,
      privateKey: concept(
        'certificate-lifetime',
        obj('Private key options.', {
          algorithm: enm('Key algorithm: RSA (default), ECDSA or Ed25519.', ['RSA', 'ECDSA', 'Ed25519']),
          size: int('Key size: RSA 2048 (default) to 8192; ECDSA 256 (default), 384 or 521; ignored for Ed25519.'),
          encoding: enm('PEM encoding of the key in the Secret.', ['PKCS1', 'PKCS8']),
          rotationPolicy: concept(
            'certificate-lifetime',
            enm(
              'Always (the default since 1.18): a new key on every renewal, so a leaked key dies with its certificate. Never: the same key is reused forever.',
              ['Never', 'Always'],
            ),
          ),
        }),
      ),
      signatureAlgorithm: enm("Signature algorithm; must suit the issuer's key type.", [
        'SHA256WithRSA',
        'SHA384WithRSA',
        'SHA512WithRSA',
        'ECDSAWithSHA256',
        'ECDSAWithSHA384',
        'ECDSAWithSHA512',
        'PureEd25519',
      ]),
      encodeUsagesInRequest: bool('Put the key usages into the certificate request.'),
      revisionHistoryLimit: int32('How many CertificateRequest revisions to keep (at least 1).'),
      secretTemplate: obj('Labels and annotations copied onto the Secret.', {
        annotations: strMap('Annotations for the Secret.'),
        labels: strMap('Labels for the Secret.'),
      }),
      additionalOutputFormats: arr(
        'Extra encodings written to the Secret.',
        obj(
          'One extra output format.',
          {
            type: enm('DER writes key.der; CombinedPEM writes tls-combined.pem.', ['DER', 'CombinedPEM']),
          },
          { required: ['type'] },
        ),
      ),
      keystores: obj('Java keystores written next to the PEM files.', {
        jks: obj(
          'JKS keystore (keystore.jks, truststore.jks).',
          {
            create: bool('Write the JKS files.'),
            alias: str('Alias of the key entry.'),
            ...keystorePassword,
          },
          { required: ['create'] },
        ),
        pkcs12: obj(
          'PKCS#12 keystore (keystore.p12, truststore.p12).',
          {
            create: bool('Write the PKCS#12 files.'),
            profile: enm('Encryption profile; Modern2023 and Modern2026 are the strong ones.', [
              'LegacyRC2',
              'LegacyDES',
              'Modern2023',
              'Modern2026',
            ]),
            ...keystorePassword,
          },
          { required: ['create'] },
        ),
      }),
      nameConstraints: obj('Name constraints for a CA certificate (needs isCA).', {
        critical: bool('Mark the extension critical.'),
        permitted: ref(CM('NameConstraintItem'), 'Names the CA may sign.'),
        excluded: ref(CM('NameConstraintItem'), 'Names the CA may not sign.'),
      }),
    },
    { required: ['issuerRef', 'secretName'] },
  ),
);

const certificateRequestSpec = obj(
  'A one-off signing request, normally created by cert-manager from a Certificate.',
  {
    request: base64('PEM-encoded PKCS#10 certificate signing request.'),
    issuerRef: ref(CM('IssuerReference')),
    duration: concept('certificate-lifetime', str('Requested lifetime, e.g. 24h.')),
    isCA: bool('Request a CA certificate.'),
    usages,
    username: str('Set by cert-manager: user who created the request.'),
    uid: str('Set by cert-manager: UID of the creating user.'),
    groups: strs('Set by cert-manager: groups of the creating user.'),
    extra: map('Set by cert-manager: extra attributes of the creating user.', { type: 'array', items: { type: 'string' } }),
  },
  { required: ['issuerRef', 'request'] },
);

const vaultAuthSecret = (d) => ref(CM('SecretKeySelector'), d);
const vaultIssuer = obj(
  'Sign with a HashiCorp Vault PKI engine.',
  {
    server: str('Vault address, e.g. https://vault.example.com:8200.'),
    path: str('Signing path, e.g. pki/sign/my-role.'),
    namespace: str('Vault Enterprise namespace.'),
    serverName: str('SNI / name to verify in the Vault server certificate.'),
    caBundle: base64("PEM CA bundle used to verify Vault's certificate."),
    caBundleSecretRef: ref(CM('SecretKeySelector'), "Secret key holding the CA bundle for Vault's certificate."),
    clientCertSecretRef: ref(CM('SecretKeySelector'), 'Client certificate for mTLS to Vault.'),
    clientKeySecretRef: ref(CM('SecretKeySelector'), 'Client key for mTLS to Vault.'),
    auth: obj('How cert-manager logs in to Vault; set exactly one method.', {
      tokenSecretRef: vaultAuthSecret('Secret key holding a Vault token (long-lived; prefer kubernetes auth).'),
      appRole: obj(
        'AppRole login.',
        {
          path: str('Mount path of the AppRole backend, e.g. approle.'),
          roleId: str('AppRole role ID.'),
          secretRef: vaultAuthSecret('Secret key holding the AppRole secret ID.'),
        },
        { required: ['path', 'roleId', 'secretRef'] },
      ),
      clientCertificate: obj('TLS certificate login.', {
        mountPath: str('Mount path of the cert backend.'),
        name: str('Vault role name.'),
        secretName: str('kubernetes.io/tls Secret with the client certificate.'),
      }),
      kubernetes: concept(
        'workload-identity',
        obj(
          'Kubernetes service account login (short-lived tokens).',
          {
            mountPath: str('Mount path of the Kubernetes backend; default /v1/auth/kubernetes.'),
            role: str('Vault role to log in as.'),
            secretRef: vaultAuthSecret('Secret key holding a service account token (legacy).'),
            serviceAccountRef: ref(CM('ServiceAccountRef'), 'Service account whose short-lived token is requested (preferred).'),
          },
          { required: ['role'] },
        ),
      ),
      aws: concept(
        'workload-identity',
        obj(
          "AWS IAM login: IRSA, EKS Pod Identity or the node's ambient credentials.",
          {
            role: str('Vault role to log in as.', { minLength: 1 }),
            mountPath: str('Mount path of the AWS backend; default /v1/auth/aws.'),
            region: str('AWS region for the STS request; from the environment, else us-east-1.'),
            iamRoleArn: str('IAM role assumed with the service account token (needed with serviceAccountRef).'),
            serviceAccountRef: ref(CM('ServiceAccountRef'), 'Service account whose token is exchanged for AWS credentials (IRSA).'),
            vaultHeaderValue: str('Value of the Vault server ID header signed into the STS request, against replay.'),
          },
          { required: ['role'] },
        ),
      ),
    }),
  },
  { required: ['auth', 'path', 'server'] },
);

const venafiIssuer = obj(
  'Sign with Venafi TPP or Venafi Cloud.',
  {
    zone: str('Venafi policy zone.'),
    tpp: obj(
      'Venafi Trust Protection Platform.',
      {
        url: str('TPP URL ending in /vedsdk.'),
        credentialsRef: ref(CM('LocalObjectReference'), 'Secret with the TPP credentials.'),
        caBundle: base64('PEM CA bundle used to verify TPP.'),
        caBundleSecretRef: ref(CM('SecretKeySelector'), 'Secret key holding the CA bundle for TPP.'),
      },
      { required: ['credentialsRef', 'url'] },
    ),
    cloud: obj(
      'Venafi Cloud.',
      {
        url: str('API URL; defaults to the public service.'),
        apiTokenSecretRef: ref(CM('SecretKeySelector'), 'Secret key holding the API token.'),
      },
      { required: ['apiTokenSecretRef'] },
    ),
    ngts: obj(
      'Palo Alto Networks Next Generation Trust Services, with OAuth 2.0 client credentials. Set only one of tpp, cloud or ngts.',
      {
        credentialsRef: ref(CM('LocalObjectReference'), 'Secret with the keys client-id and client-secret.'),
        tsgID: str('Tenant Service Group ID the access token is scoped to.'),
        tokenEndpoint: str("OAuth 2.0 token URL; defaults to the vendor's public endpoint."),
        url: str("NGTS API base URL; defaults to the vendor's public endpoint."),
      },
      { required: ['credentialsRef', 'tsgID'] },
    ),
  },
  { required: ['zone'] },
);

const issuerSpec = concept(
  'certificate-lifetime',
  obj('How certificates are signed. Set exactly one of acme, ca, vault, selfSigned or venafi.', {
    acme: ref(A('ACMEIssuer')),
    ca: obj(
      'Sign with a CA key pair stored in a Secret.',
      {
        secretName: str('kubernetes.io/tls Secret with the CA certificate and key.'),
        crlDistributionPoints: strs('CRL URLs put into issued certificates.'),
        ocspServers: strs('OCSP URLs put into issued certificates.'),
        issuingCertificateURLs: strs('URLs of the issuing CA certificate (AIA).'),
      },
      { required: ['secretName'] },
    ),
    selfSigned: obj(
      'Each certificate signs itself. Fine to bootstrap a root CA; leaf certificates signed this way have no chain of trust.',
      {
        crlDistributionPoints: strs('CRL URLs put into issued certificates.'),
      },
    ),
    vault: vaultIssuer,
    venafi: venafiIssuer,
  }),
);

export const certManagerDefs = defsFile('cert-manager.io/defs', 'Types of cert-manager.io/v1.', {
  SecretKeySelector: secretKeySelector,
  LocalObjectReference: obj('Reference to an object in the same namespace.', { name: str('Name of the object.') }, { required: ['name'] }),
  ServiceAccountRef: obj(
    'A service account whose token is requested.',
    {
      name: str('Service account name.'),
      audiences: strs('Extra audiences for the token.'),
    },
    { required: ['name'] },
  ),
  IssuerReference: issuerReference,
  NameConstraintItem: nameConstraintItem,
  CertificateSpec: certificateSpec,
  CertificateRequestSpec: certificateRequestSpec,
  IssuerSpec: issuerSpec,
});

const cm = (kind, description, extra = {}) => ({
  group: 'cert-manager.io',
  version: 'v1',
  kind,
  current: true,
  description,
  spec: ref(CM(`${kind === 'ClusterIssuer' ? 'Issuer' : kind}Spec`)),
  ...extra,
});
export const certManagerKinds = [
  cm('Certificate', 'A certificate that cert-manager requests, stores in a Secret and renews before it expires.', {
    concept: 'certificate-lifetime',
  }),
  cm('CertificateRequest', 'One signing request for a certificate; normally created by cert-manager, not by hand.'),
  cm('Issuer', 'A certificate authority configuration usable by Certificates in the same namespace.', {
    required: ['spec'],
    concept: 'certificate-lifetime',
  }),
  cm('ClusterIssuer', 'A certificate authority configuration usable by Certificates in every namespace.', {
    required: ['spec'],
    concept: 'certificate-lifetime',
  }),
];
