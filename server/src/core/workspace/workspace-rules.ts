// Every workspace rule (rules that need more than one document). The registry test checks each has
// a docs page, fixtures that fire and stay quiet, and a fix test.
import type { WorkspaceRule } from './rule';
import { rule as peerAuthenticationDestinationRuleConflict } from './rules/peer-authentication-destination-rule-conflict';
import { rule as sidecarMissingUnderStrict } from './rules/sidecar-missing-under-strict';
import { rule as authorizationIdentityWithoutStrict } from './rules/authorization-identity-without-strict';
import { rule as peerAuthenticationDuplicate } from './rules/peer-authentication-duplicate';
import { rule as meshStrictPolicyMissing } from './rules/mesh-strict-policy-missing';
import { rule as namespaceDefaultDenyMissing } from './rules/namespace-default-deny-missing';
import { rule as unknownServiceAccount } from './rules/unknown-service-account';
import { rule as unknownNamespace } from './rules/unknown-namespace';
import { rule as selectorMatchesNoWorkload } from './rules/selector-matches-no-workload';
import { rule as certificateIssuerNotFound } from './rules/certificate-issuer-not-found';
import { rule as gatewayCredentialNotFound } from './rules/gateway-credential-not-found';
import { rule as requestAuthenticationNotEnforced } from './rules/request-authentication-not-enforced';
import { rule as accessLoggingMissing } from './rules/access-logging-missing';
import { rule as authorizationPolicyAmbientL7 } from './rules/authorization-policy-ambient-l7';
import { rule as peerAuthenticationPortNotTarget } from './rules/peer-authentication-port-not-target';
import { rule as peerAuthenticationOverlappingSelectors } from './rules/peer-authentication-overlapping-selectors';
import { rule as rootNamespaceSelectorMeshWide } from './rules/root-namespace-selector-mesh-wide';
import { rule as policyTargetRefsSidecarOnly } from './rules/policy-target-refs-sidecar-only';
import { rule as sidecarBypassUnderStrict } from './rules/sidecar-bypass-under-strict';
import { rule as routeJwtClaimWithoutRequestAuthentication } from './rules/route-jwt-claim-without-request-authentication';
import { rule as authorizationJwtConditionWithoutRequestAuthentication } from './rules/authorization-jwt-condition-without-request-authentication';
import { rule as peerAuthenticationRootNamespaceSelector } from './rules/peer-authentication-root-namespace-selector';
import { rule as peerAuthenticationMeshUnset } from './rules/peer-authentication-mesh-unset';
import { rule as authorizationPolicyTrustDomain } from './rules/authorization-policy-trust-domain';

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [
  peerAuthenticationDestinationRuleConflict,
  sidecarMissingUnderStrict,
  authorizationIdentityWithoutStrict,
  peerAuthenticationDuplicate,
  meshStrictPolicyMissing,
  namespaceDefaultDenyMissing,
  unknownServiceAccount,
  unknownNamespace,
  selectorMatchesNoWorkload,
  certificateIssuerNotFound,
  gatewayCredentialNotFound,
  requestAuthenticationNotEnforced,
  accessLoggingMissing,
  authorizationPolicyAmbientL7,
  peerAuthenticationPortNotTarget,
  peerAuthenticationOverlappingSelectors,
  rootNamespaceSelectorMeshWide,
  policyTargetRefsSidecarOnly,
  sidecarBypassUnderStrict,
  routeJwtClaimWithoutRequestAuthentication,
  authorizationJwtConditionWithoutRequestAuthentication,
  // Document checks that need the mesh config's root namespace or trust domain.
  peerAuthenticationRootNamespaceSelector,
  peerAuthenticationMeshUnset,
  authorizationPolicyTrustDomain,
];
