// ACME DNS01 provider settings cert-manager's webhook checks beyond the schema: required values
// that are empty, RFC 2136 nameserver and TSIG settings, and Azure DNS credentials (a service
// principal or a managed identity, never both).
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { ISSUER_KINDS } from './lib/kinds';
import { nameserverProblem } from './lib/nameserver';

const TSIG_ALGORITHMS = ['HMACMD5', 'HMACSHA1', 'HMACSHA256', 'HMACSHA512'];

/** Provider fields the webhook requires to be non-empty (the schema only requires them present). */
const REQUIRED: Record<string, string[]> = {
  akamai: ['serviceConsumerDomain'],
  azureDNS: ['subscriptionID', 'resourceGroupName'],
  cloudDNS: ['project'],
  acmeDNS: ['host'],
  webhook: ['solverName'],
};

type Report = (path: PathSegment[], message: string, on?: 'key' | 'value') => void;

export const rule: DocumentRule = {
  meta: {
    id: 'issuer-acme-dns-providers',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'An ACME DNS01 provider has an empty required value, an unusable RFC 2136 nameserver or TSIG setting, or mixed Azure credentials.',
    fixable: false,
  },
  kinds: ISSUER_KINDS,
  check(ctx) {
    const report: Report = (path, message, on = 'value') => ctx.report({ path, message, on });
    listAt(recordAt(recordAt(ctx.value, 'spec'), 'acme'), 'solvers').forEach((item, i) => {
      const dns01 = recordAt(asRecord(item), 'dns01');
      if (!dns01) return;
      const base: PathSegment[] = ['spec', 'acme', 'solvers', i, 'dns01'];
      for (const [provider, fields] of Object.entries(REQUIRED)) {
        const body = recordAt(dns01, provider);
        for (const field of fields) {
          if (body?.[field] !== '') continue;
          report(
            [...base, provider, field],
            `cert-manager's webhook rejects an empty ${provider}.${field}. Write the value (see the provider's settings).`,
          );
        }
      }
      const rfc = recordAt(dns01, 'rfc2136');
      if (rfc) checkRfc2136(rfc, [...base, 'rfc2136'], report);
      const azure = recordAt(dns01, 'azureDNS');
      if (azure) checkAzure(azure, [...base, 'azureDNS'], report);
    });
  },
};

function checkRfc2136(rfc: Record<string, unknown>, base: PathSegment[], report: Report): void {
  const ns = rfc.nameserver;
  const problem = typeof ns === 'string' ? nameserverProblem(ns) : undefined;
  if (problem) {
    report(
      [...base, 'nameserver'],
      `cert-manager's webhook rejects this nameserver: ${problem}. Write host or host:port, e.g. 10.0.0.53:53, dns.example.com or [2001:db8::53]:53.`,
    );
  }
  const algorithm = stringAt(rfc, 'tsigAlgorithm');
  if (algorithm !== '' && !TSIG_ALGORITHMS.includes(algorithm.toUpperCase())) {
    report(
      [...base, 'tsigAlgorithm'],
      `cert-manager's webhook rejects TSIG algorithm "${algorithm}". Use one of ${TSIG_ALGORITHMS.join(', ')}; HMACSHA256 or HMACSHA512 are the strong ones.`,
    );
  }
  const secret = recordAt(rfc, 'tsigSecretSecretRef');
  const complete = stringAt(secret, 'name') !== '' && stringAt(secret, 'key') !== '';
  if (stringAt(rfc, 'tsigKeyName') !== '' && !complete) {
    report(
      [...base, secret ? 'tsigSecretSecretRef' : 'tsigKeyName'],
      "cert-manager's webhook rejects tsigKeyName without a tsigSecretSecretRef naming both the Secret and its key. Add tsigSecretSecretRef: { name: ..., key: ... }.",
      'key',
    );
  }
  if (complete && stringAt(rfc, 'tsigKeyName') === '') {
    report(
      [...base, 'tsigSecretSecretRef'],
      "cert-manager's webhook rejects a TSIG secret without tsigKeyName. Add the name of the TSIG key the DNS server expects.",
      'key',
    );
  }
}

function checkAzure(azure: Record<string, unknown>, base: PathSegment[], report: Report): void {
  const principal = stringAt(azure, 'clientID') !== '' || stringAt(azure, 'tenantID') !== '' || isSet(azure, 'clientSecretSecretRef');
  const identity = recordAt(azure, 'managedIdentity');
  if (principal) {
    const missing = ['clientID', 'tenantID'].filter((k) => stringAt(azure, k) === '');
    if (!isSet(azure, 'clientSecretSecretRef')) missing.push('clientSecretSecretRef');
    if (missing.length > 0) {
      report(
        base,
        `cert-manager's webhook rejects a partial service principal: ${missing.join(', ')} missing. Set clientID, tenantID and clientSecretSecretRef together, or use managedIdentity instead.`,
        'key',
      );
    }
    if (identity) {
      report(
        [...base, 'managedIdentity'],
        "cert-manager's webhook rejects managedIdentity next to a service principal (clientID, tenantID, clientSecretSecretRef). Keep managedIdentity, which needs no long-lived secret, and remove the others.",
        'key',
      );
    }
    return;
  }
  if (!identity) return;
  const has = (k: string): boolean => stringAt(identity, k) !== '';
  const at = [...base, 'managedIdentity'];
  if (has('resourceID') && (has('clientID') || has('tenantID'))) {
    report(
      at,
      "cert-manager's webhook rejects resourceID together with clientID or tenantID in managedIdentity. Identify the identity one way: clientID (with tenantID if needed) or resourceID.",
      'key',
    );
  } else if (has('tenantID') && !has('clientID')) {
    report(at, "cert-manager's webhook rejects managedIdentity.tenantID without clientID. Add the identity's clientID.", 'key');
  }
}
