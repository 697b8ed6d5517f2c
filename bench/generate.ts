// Builds a realistic mixed manifest of N documents (Istio, cert-manager and plain Kubernetes
// resources, some with findings) for the latency benchmark.

const TEMPLATES: ((i: number) => string)[] = [
  (i) => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: pa-${i}
  namespace: team-${i % 20}
spec:
  selector:
    matchLabels:
      app: svc-${i}
  mtls:
    mode: ${i % 7 === 0 ? 'PERMISSIVE' : 'STRICT'}
  portLevelMtls:
    ${8000 + (i % 100)}:
      mode: STRICT
`,
  (i) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ap-${i}
  namespace: team-${i % 20}
spec:
  selector:
    matchLabels:
      app: svc-${i}
  action: ALLOW
  rules:
    - from:
        - source:
            principals: ["cluster.local/ns/team-${(i + 1) % 20}/sa/svc-${i + 1}"]
      to:
        - operation:
            methods: ["GET", "POST"]
            paths: ["/api/v1/*"]
`,
  (i) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: dr-${i}
  namespace: team-${i % 20}
spec:
  host: svc-${i}.team-${i % 20}.svc.cluster.local
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
    connectionPool:
      tcp:
        maxConnections: 100
`,
  (i) => `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: cert-${i}
  namespace: team-${i % 20}
spec:
  secretName: cert-${i}-tls
  duration: 24h
  renewBefore: 8h
  dnsNames:
    - svc-${i}.team-${i % 20}.svc.cluster.local
  issuerRef:
    name: cluster-ca
    kind: ClusterIssuer
`,
  (i) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  namespace: team-${i % 20}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: svc-${i}
  template:
    metadata:
      labels:
        app: svc-${i}
    spec:
      serviceAccountName: svc-${i}
      containers:
        - name: app
          image: registry.example.com/svc-${i}:1.${i}
          ports:
            - containerPort: 8080
`,
];

/** Document `i` of the generated mix. */
export function generateDocument(i: number): string {
  return TEMPLATES[i % TEMPLATES.length](i);
}

/** `documents` documents of the mix, numbered from `first` (another `first` gives another text of the same shape). */
export function generateManifest(documents: number, first = 0): string {
  const docs: string[] = [];
  for (let i = first; i < first + documents; i++) docs.push(TEMPLATES[i % TEMPLATES.length](i));
  return docs.join('---\n');
}

/** The workspace rule that reports the document `generateManifestWithWorkspaceFinding` adds. */
export const WORKSPACE_FINDING_RULE = 'peer-authentication-duplicate';

/**
 * `documents` documents: the mix, then a copy of document `first`'s PeerAuthentication under another
 * name (same namespace, same selector). A workspace rule reports the pair, so a benchmark can wait for
 * the publish that carries the file's workspace findings, not only its own checks.
 */
export function generateManifestWithWorkspaceFinding(documents: number, first = 0): string {
  if (first % TEMPLATES.length !== 0) throw new Error(`document ${first} is not a PeerAuthentication`);
  const copy = TEMPLATES[0](first).replace(`name: pa-${first}\n`, `name: pa-${first}-copy\n`);
  return `${generateManifest(documents - 1, first)}---\n${copy}`;
}
