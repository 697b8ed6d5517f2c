// Sample manifests that many tests share: a PeerAuthentication built from the fields a test varies,
// and a DENY AuthorizationPolicy that names a source namespace (which needs mTLS to be enforced).

export interface PeerAuthenticationSample {
  apiVersion?: string;
  /** Default `default`, the usual name of a namespace-wide policy. */
  name?: string;
  /** Default `shop`. */
  namespace?: string;
  /** `app` label of a workload selector; without it the policy is namespace-wide. */
  app?: string;
  /** spec.mtls.mode; default PERMISSIVE. */
  mode?: string;
}

/**
 * A PeerAuthentication, one field a line. Values are written as given, so a test can add a trailing
 * comment to any of them (`mode: 'PERMISSIVE # still migrating'`) to see that fixes keep it.
 */
export function peerAuthentication(pa: PeerAuthenticationSample = {}): string {
  const selector = pa.app ? `  selector:\n    matchLabels:\n      app: ${pa.app}\n` : '';
  return `apiVersion: ${pa.apiVersion ?? 'security.istio.io/v1'}
kind: PeerAuthentication
metadata:
  name: ${pa.name ?? 'default'}
  namespace: ${pa.namespace ?? 'shop'}
spec:
${selector}  mtls:
    mode: ${pa.mode ?? 'PERMISSIVE'}
`;
}

/**
 * Denies requests from the sandbox namespace to orders. A namespace is only known through mTLS, so
 * this policy is sound only where orders' workloads run STRICT (authorization-identity-without-strict).
 */
export const DENY_SANDBOX = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-sandbox
  namespace: orders
spec:
  action: DENY
  rules:
    - from:
        - source:
            namespaces: ["sandbox"]
`;

/** The orders namespace policy in `mode` plus the orders-api Deployment it applies to. */
export function ordersWithMode(mode: string): string {
  return `${peerAuthentication({ namespace: 'orders', mode })}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: orders
spec:
  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
      containers:
        - name: api
          image: registry.example.com/orders/api:4.0.2
`;
}

/**
 * An ALLOW policy whose principal carries the `spiffe://` scheme: its fix (drop the scheme) is one
 * that batch fixing applies, unlike the mode changes, which are suggestions only.
 */
export function spiffePrincipalPolicy(principal = '"spiffe://cluster.local/ns/shop/sa/web"'): string {
  return `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: web-callers
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  rules:
    - from:
        - source:
            principals:
              - ${principal}
`;
}
