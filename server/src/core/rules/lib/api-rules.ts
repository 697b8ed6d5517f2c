// Rules for what the API server, the CRDs' CEL validations and the admission webhooks reject,
// plus the deprecated-version note that goes with the served versions.
import type { DocumentRule } from './rule';
import { rule as unknownApiVersion } from '../unknown-api-version';
import { rule as deprecatedApiVersion } from '../deprecated-api-version';
import { rule as peerAuthenticationPortLevelRequiresSelector } from '../peer-authentication-port-level-requires-selector';
import { rule as peerAuthenticationPortRange } from '../peer-authentication-port-range';
import { rule as workloadSelectorLabels } from '../workload-selector-labels';
import { rule as policyTargetOneOf } from '../policy-target-one-of';
import { rule as policyTargetRef } from '../policy-target-ref';
import { rule as authorizationPolicyServiceAccounts } from '../authorization-policy-service-accounts';
import { rule as authorizationPolicyRulesRequired } from '../authorization-policy-rules-required';
import { rule as authorizationPolicyProvider } from '../authorization-policy-provider';
import { rule as authorizationPolicyCustomIdentity } from '../authorization-policy-custom-identity';
import { rule as authorizationPolicyEmptyMatch } from '../authorization-policy-empty-match';
import { rule as authorizationPolicyCondition } from '../authorization-policy-condition';
import { rule as authorizationPolicyValueFormat } from '../authorization-policy-value-format';
import { rule as authorizationPolicyDenyHttpOnly } from '../authorization-policy-deny-http-only';
import { rule as requestAuthenticationJwtRule } from '../request-authentication-jwt-rule';
import { rule as certificateIssuerRef } from '../certificate-issuer-ref';
import { rule as certificateSecretName } from '../certificate-secret-name';
import { rule as certificateIdentityRequired } from '../certificate-identity-required';
import { rule as certificateCommonNameLength } from '../certificate-common-name-length';
import { rule as certificatePrivateKey } from '../certificate-private-key';
import { rule as certificateSignatureAlgorithm } from '../certificate-signature-algorithm';
import { rule as certificateDuration } from '../certificate-duration';
import { rule as certificateRevisionHistoryLimit } from '../certificate-revision-history-limit';
import { rule as certificateRenewalWindows } from '../certificate-renewal-windows';
import { rule as bundleInvalid } from '../bundle-invalid';
import { rule as certificateNameConstraints } from '../certificate-name-constraints';
import { rule as certificateKeystorePassword } from '../certificate-keystore-password';
import { rule as certificateSanValues } from '../certificate-san-values';
import { rule as issuerOneType } from '../issuer-one-type';
import { rule as issuerAcme } from '../issuer-acme';
import { rule as issuerAcmeSolvers } from '../issuer-acme-solvers';
import { rule as issuerCa } from '../issuer-ca';
import { rule as issuerVault } from '../issuer-vault';
import { rule as issuerVenafi } from '../issuer-venafi';
import { rule as emptyRequiredValue } from '../empty-required-value';
import { rule as istioExclusiveFields } from '../istio-exclusive-fields';
import { rule as gatewayServerTls } from '../gateway-server-tls';
import { rule as sidecarIngressTls } from '../sidecar-ingress-tls';
import { rule as destinationRuleTlsSettings } from '../destination-rule-tls-settings';
import { rule as authorizationPolicyPathTemplate } from '../authorization-policy-path-template';
import { rule as certificateSecretTemplate } from '../certificate-secret-template';
import { rule as certificateLiteralSubject } from '../certificate-literal-subject';
import { rule as certificateAdditionalOutputFormats } from '../certificate-additional-output-formats';
import { rule as issuerAcmeDnsProviders } from '../issuer-acme-dns-providers';
import { rule as istioDryRunAnnotation } from '../istio-dry-run-annotation';
import { rule as certificateRequestCsr } from '../certificate-request-csr';
import { rule as serviceEntryInvalid } from '../service-entry-invalid';
import { rule as workloadEntryInvalid } from '../workload-entry-invalid';
import { rule as workloadGroupInvalid } from '../workload-group-invalid';
import { rule as wasmPluginInvalid } from '../wasm-plugin-invalid';
import { rule as envoyFilterInvalid } from '../envoy-filter-invalid';
import { rule as telemetryTagOverride } from '../telemetry-tag-override';
import { rule as gatewayServersInvalid } from '../gateway-servers-invalid';
import { rule as istioDurationMilliseconds } from '../istio-duration-milliseconds';
import { rule as destinationRuleInvalid } from '../destination-rule-invalid';
import { rule as sidecarInvalid } from '../sidecar-invalid';
import { rule as telemetryTracing } from '../telemetry-tracing';
import { rule as telemetryAccessLogFilter } from '../telemetry-access-log-filter';
import { rule as trafficExtensionInvalid } from '../traffic-extension-invalid';
import { rule as istioExportTo } from '../istio-export-to';
import { rule as virtualServiceHttpInvalid } from '../virtual-service-http-invalid';
import { rule as virtualServiceInvalid } from '../virtual-service-invalid';
import { rule as virtualServiceUnreachable } from '../virtual-service-unreachable';

export const API_RULES: readonly DocumentRule[] = [
  unknownApiVersion,
  deprecatedApiVersion,
  emptyRequiredValue,
  // Istio: CRD CEL rules and the validation webhook
  istioExclusiveFields,
  peerAuthenticationPortLevelRequiresSelector,
  peerAuthenticationPortRange,
  workloadSelectorLabels,
  policyTargetOneOf,
  policyTargetRef,
  authorizationPolicyServiceAccounts,
  authorizationPolicyRulesRequired,
  authorizationPolicyProvider,
  authorizationPolicyCustomIdentity,
  authorizationPolicyEmptyMatch,
  authorizationPolicyCondition,
  authorizationPolicyValueFormat,
  authorizationPolicyDenyHttpOnly,
  requestAuthenticationJwtRule,
  serviceEntryInvalid,
  workloadEntryInvalid,
  workloadGroupInvalid,
  wasmPluginInvalid,
  envoyFilterInvalid,
  telemetryTagOverride,
  gatewayServersInvalid,
  istioDurationMilliseconds,
  destinationRuleInvalid,
  sidecarInvalid,
  telemetryTracing,
  telemetryAccessLogFilter,
  trafficExtensionInvalid,
  istioExportTo,
  virtualServiceHttpInvalid,
  virtualServiceInvalid,
  virtualServiceUnreachable,
  // cert-manager: the webhook's Certificate and Issuer checks
  certificateIssuerRef,
  certificateSecretName,
  certificateIdentityRequired,
  certificateCommonNameLength,
  certificatePrivateKey,
  certificateSignatureAlgorithm,
  certificateDuration,
  certificateRevisionHistoryLimit,
  certificateNameConstraints,
  certificateKeystorePassword,
  certificateSanValues,
  issuerOneType,
  issuerAcme,
  issuerAcmeSolvers,
  issuerCa,
  issuerVault,
  issuerVenafi,
  // Upstream admission checks of TLS settings and cert-manager specs (issue 13)
  gatewayServerTls,
  sidecarIngressTls,
  destinationRuleTlsSettings,
  authorizationPolicyPathTemplate,
  certificateSecretTemplate,
  certificateLiteralSubject,
  certificateAdditionalOutputFormats,
  issuerAcmeDnsProviders,
  istioDryRunAnnotation,
  certificateRequestCsr,
  certificateRenewalWindows,
  bundleInvalid,
];
