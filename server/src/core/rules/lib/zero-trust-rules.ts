// Rules for mistakes the cluster accepts but that leave the mesh open (catalog sections B-H).
import type { DocumentRule } from './rule';
import { rule as peerAuthenticationPermissive } from '../peer-authentication-permissive';
import { rule as peerAuthenticationDisable } from '../peer-authentication-disable';
import { rule as destinationRuleTlsDisable } from '../destination-rule-tls-disable';
import { rule as destinationRuleTlsUnverified } from '../destination-rule-tls-unverified';
import { rule as authorizationPolicyAllowAll } from '../authorization-policy-allow-all';
import { rule as authorizationPolicyWildcardIdentity } from '../authorization-policy-wildcard-identity';
import { rule as authorizationPolicySpiffePrefix } from '../authorization-policy-spiffe-prefix';
import { rule as authorizationPolicyPrincipalFormat } from '../authorization-policy-principal-format';
import { rule as authorizationPolicyAllowNegative } from '../authorization-policy-allow-negative';
import { rule as authorizationPolicyDenyPositivePath } from '../authorization-policy-deny-positive-path';
import { rule as authorizationPolicyHttpMethod } from '../authorization-policy-http-method';
import { rule as authorizationPolicyPathPattern } from '../authorization-policy-path-pattern';
import { rule as requestAuthenticationJwksHttp } from '../request-authentication-jwks-http';
import { rule as requestAuthenticationJwksPrivateKey } from '../request-authentication-jwks-private-key';
import { rule as gatewayTlsWithoutCertificate } from '../gateway-tls-without-certificate';
import { rule as gatewayTlsWeakVersion } from '../gateway-tls-weak-version';
import { rule as gatewayHttpWithoutRedirect } from '../gateway-http-without-redirect';
import { rule as gatewayWildcardHost } from '../gateway-wildcard-host';
import { rule as certificateLifetimeTooLong } from '../certificate-lifetime-too-long';
import { rule as certificateRotationPolicyNever } from '../certificate-rotation-policy-never';
import { rule as certificateRenewBeforeTooClose } from '../certificate-renew-before-too-close';
import { rule as certificateCommonNameNotInDnsNames } from '../certificate-common-name-not-in-dns-names';
import { rule as certificateMtlsUsages } from '../certificate-mtls-usages';
import { rule as certificateSpiffeNamespace } from '../certificate-spiffe-namespace';
import { rule as telemetryAccessLoggingDisabled } from '../telemetry-access-logging-disabled';

export const ZERO_TRUST_RULES: readonly DocumentRule[] = [
  // B. Verify every connection
  peerAuthenticationPermissive,
  peerAuthenticationDisable,
  destinationRuleTlsDisable,
  destinationRuleTlsUnverified,
  // C. Least privilege
  authorizationPolicyAllowAll,
  authorizationPolicyWildcardIdentity,
  authorizationPolicySpiffePrefix,
  authorizationPolicyPrincipalFormat,
  authorizationPolicyAllowNegative,
  authorizationPolicyDenyPositivePath,
  authorizationPolicyHttpMethod,
  authorizationPolicyPathPattern,
  // D. Request authentication
  requestAuthenticationJwksHttp,
  requestAuthenticationJwksPrivateKey,
  // E. Ingress TLS
  gatewayTlsWithoutCertificate,
  gatewayTlsWeakVersion,
  gatewayHttpWithoutRedirect,
  gatewayWildcardHost,
  // F. Short-lived credentials
  certificateLifetimeTooLong,
  certificateRotationPolicyNever,
  certificateRenewBeforeTooClose,
  certificateCommonNameNotInDnsNames,
  certificateMtlsUsages,
  certificateSpiffeNamespace,
  // G. Audit all access
  telemetryAccessLoggingDisabled,
];
