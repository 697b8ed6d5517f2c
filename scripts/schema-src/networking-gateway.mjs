// networking.istio.io Gateway and Sidecar types (ServerTLSSettings is shared by both).
import { arr, bool, concept, enm, obj, ref, str, strMap, strs, uint32 } from './dsl.mjs';
import { N } from './networking-dr.mjs';

const tlsVersions = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];

const serverTls = concept(
  'gateway-credentials',
  obj('TLS the proxy terminates for incoming connections.', {
    httpsRedirect: bool(
      'On a plain-HTTP server: answer every request with a 301 redirect to HTTPS, so credentials never travel in clear text.',
    ),
    mode: concept(
      'gateway-credentials',
      enm(
        'SIMPLE: standard TLS with a server certificate. MUTUAL: the client must also present a certificate signed by the configured CA. ' +
          'OPTIONAL_MUTUAL: client certificate requested but not required. PASSTHROUGH: forward TLS untouched, routed by SNI. ' +
          'AUTO_PASSTHROUGH: passthrough without a VirtualService (multi-network east-west). ISTIO_MUTUAL: mesh mTLS with Istio certificates.',
        ['PASSTHROUGH', 'SIMPLE', 'MUTUAL', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL', 'OPTIONAL_MUTUAL'],
      ),
    ),
    serverCertificate: str('Path of the server certificate file inside the proxy. Prefer credentialName.'),
    privateKey: str('Path of the private key file inside the proxy. Prefer credentialName.'),
    caCertificates: str('Path of the CA bundle used to verify client certificates (MUTUAL).'),
    caCrl: str('Path of a certificate revocation list for client certificates.'),
    credentialName: concept(
      'gateway-credentials',
      str(
        "Secret with the certificate and key (and ca.crt for MUTUAL), in the gateway workload's namespace. Often the secretName of a cert-manager Certificate.",
      ),
    ),
    credentialNames: concept(
      'gateway-credentials',
      strs('One or two Secrets (e.g. an RSA and an ECDSA certificate). Use instead of credentialName.', { minItems: 1, maxItems: 2 }),
    ),
    caCertCredentialName: concept('gateway-credentials', str('Secret holding only the CA used to verify client certificates.')),
    tlsCertificates: arr(
      'One or two certificate/key file pairs, as an alternative to serverCertificate and privateKey.',
      obj('A certificate/key file pair.', {
        serverCertificate: str('Path of the certificate file.'),
        privateKey: str('Path of the key file.'),
        caCertificates: str('Path of the CA bundle.'),
      }),
      { minItems: 1, maxItems: 2 },
    ),
    subjectAltNames: concept('workload-identity', strs('Client certificate identities that are accepted (MUTUAL).')),
    verifyCertificateSpki: strs('Accepted base64 SHA-256 hashes of client certificate public keys.'),
    verifyCertificateHash: strs('Accepted hex SHA-256 hashes of client certificates.'),
    minProtocolVersion: concept(
      'gateway-credentials',
      enm('Lowest TLS version accepted. TLSV1_0 and TLSV1_1 are broken; use TLSV1_2 or higher.', tlsVersions),
    ),
    maxProtocolVersion: enm('Highest TLS version accepted.', tlsVersions),
    cipherSuites: strs('Allowed cipher suites (OpenSSL names); the default set is already safe.'),
  }),
);

const gatewayPort = obj(
  'Port the proxy listens on.',
  {
    number: uint32('Port number.'),
    protocol: str('HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, MONGO, TCP or TLS.'),
    name: str('Port name.'),
    targetPort: uint32('Deprecated.'),
  },
  { required: ['number', 'protocol', 'name'] },
);

const server = obj(
  'One listener of the gateway: a port, the hosts it serves and its TLS settings.',
  {
    port: gatewayPort,
    bind: str('IP address or Unix socket to listen on; default all addresses.'),
    hosts: strs(
      'Hosts exposed on this port, optionally prefixed by namespace/ to limit which VirtualServices may bind. "*" exposes every host.',
    ),
    tls: ref(N('ServerTLSSettings')),
    defaultEndpoint: str('Unused on gateways.'),
    name: str('Optional name, used in metrics.'),
  },
  { required: ['port', 'hosts'] },
);

const gatewaySpec = concept(
  'gateway-credentials',
  obj('A load balancer at the edge of the mesh: ports, hosts and TLS, applied to the gateway pods chosen by selector.', {
    servers: arr('Listeners of the gateway.', server),
    selector: strMap('Labels of the gateway pods this configuration applies to, e.g. istio: ingressgateway.'),
  }),
);

const sidecarPort = obj('Port of the listener.', {
  number: uint32('Port number.'),
  protocol: str('Protocol, e.g. HTTP or TCP.'),
  name: str('Port name.'),
  targetPort: uint32('Deprecated.'),
});

const captureMode = enm('How traffic is captured: DEFAULT (per the environment), IPTABLES or NONE.', ['DEFAULT', 'IPTABLES', 'NONE']);

const sidecarWorkloadSelector = obj('Workloads this Sidecar applies to. Without it, the Sidecar is the namespace default.', {
  labels: strMap('Labels a workload must carry.', { maxProperties: 256 }, { maxLength: 63 }),
});

const sidecarSpec = concept(
  'sidecar-injection',
  obj('Narrows what a sidecar proxy listens on and which services it can reach (its egress allow-list).', {
    workloadSelector: sidecarWorkloadSelector,
    ingress: arr(
      'Inbound listeners; when set, only these ports are intercepted.',
      obj(
        'One inbound listener.',
        {
          port: sidecarPort,
          bind: str('Address to listen on.'),
          captureMode,
          defaultEndpoint: str('Where traffic is forwarded, e.g. 127.0.0.1:8080 or unix:///path.'),
          tls: ref(N('ServerTLSSettings'), 'Terminate TLS with your own certificate on this port instead of mesh mTLS.'),
          connectionPool: ref(N('ConnectionPoolSettings')),
        },
        { required: ['port'] },
      ),
    ),
    egress: arr(
      "Outbound services the workload may call; limits the proxy's config to these hosts.",
      obj(
        'One outbound listener.',
        {
          port: sidecarPort,
          bind: str('Address to listen on.'),
          captureMode,
          hosts: strs('Reachable services as namespace/dnsName, e.g. ./* (own namespace) or istio-system/*.'),
        },
        { required: ['hosts'] },
      ),
    ),
    outboundTrafficPolicy: obj('What happens to calls to hosts outside the service registry.', {
      mode: concept(
        'sidecar-injection',
        enm('REGISTRY_ONLY: block unknown destinations (least privilege for egress). ALLOW_ANY: pass them through.', [
          'REGISTRY_ONLY',
          'ALLOW_ANY',
        ]),
      ),
      egressProxy: obj(
        'Send unknown traffic to this service instead (ALLOW_ANY only).',
        {
          host: str('Service name.'),
          subset: str('Subset of the service.'),
          port: obj('Port of the service.', { number: uint32('Port number.') }),
        },
        { required: ['host'] },
      ),
    }),
    inboundConnectionPool: ref(N('ConnectionPoolSettings'), 'Connection limits for all inbound ports.'),
  }),
);

export const gatewayDefs = {
  ServerTLSSettings: serverTls,
  GatewaySpec: gatewaySpec,
  SidecarSpec: sidecarSpec,
};
