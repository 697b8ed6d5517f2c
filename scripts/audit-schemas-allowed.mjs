// Differences between schemas/ and the upstream CRDs that are on purpose; each says why (and where upstream enforces it).
// An entry matches differences of kinds matching `kinds`, at `path`, whose text starts with `what`.
const ISSUERS = /^cert-manager\.io\/v1\/(Cluster)?Issuer$/;
const CHALLENGE = /^acme\.cert-manager\.io\/v1\/Challenge$/;

// cert-manager's webhook rejects any other serviceType: internal/apis/certmanager/validation/issuer.go,
// ValidateACMEIssuerChallengeSolverHTTP01IngressConfig and ...HTTP01GatewayConfig ("must be empty, ClusterIP or NodePort").
// A Challenge's solver is copied from an Issuer that passed that check.
const serviceType = (kinds, prefix) => ['ingress', 'gatewayHTTPRoute'].map((via) => ({
  kinds, path: `${prefix}.http01.${via}.serviceType`, what: 'enum: only ours restricts',
}));

export const allowedDifferences = [
  ...serviceType(ISSUERS, 'spec.acme.solvers[]'),
  ...serviceType(CHALLENGE, 'spec.solver'),
];
