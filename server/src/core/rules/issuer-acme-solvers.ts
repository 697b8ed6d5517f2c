// ACME solvers: each one is http01 or dns01 (not both, not neither); http01 uses ingress or
// gatewayHTTPRoute; dns01 configures one provider whose Secret references name a key.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { ISSUER_KINDS } from './lib/kinds';
import { parseDurationNanos } from '../duration';

const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** DNS01 providers in the webhook's order, with whether a second provider after them is an error. */
const PROVIDERS: { name: string; exclusive: boolean }[] = [
  { name: 'akamai', exclusive: false },
  { name: 'azureDNS', exclusive: true },
  { name: 'cloudDNS', exclusive: true },
  { name: 'cloudflare', exclusive: true },
  { name: 'route53', exclusive: true },
  { name: 'acmeDNS', exclusive: false },
  { name: 'digitalocean', exclusive: true },
  { name: 'rfc2136', exclusive: true },
  { name: 'webhook', exclusive: true },
];

/** Secret references the webhook checks for both name and key, per provider. */
const SECRET_REFS: Record<string, string[]> = {
  akamai: ['accessTokenSecretRef', 'clientSecretSecretRef', 'clientTokenSecretRef'],
  azureDNS: ['clientSecretSecretRef'],
  cloudDNS: ['serviceAccountSecretRef'],
  cloudflare: ['apiKeySecretRef', 'apiTokenSecretRef'],
  route53: ['accessKeyIDSecretRef'],
  acmeDNS: ['accountSecretRef'],
  digitalocean: ['tokenSecretRef'],
};

export const rule: DocumentRule = {
  meta: {
    id: 'issuer-acme-solvers',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'Each ACME solver sets exactly one of http01 or dns01, with exactly one HTTP01 method or DNS01 provider and complete Secret references.',
    fixable: false,
  },
  kinds: ISSUER_KINDS,
  check(ctx) {
    const acme = recordAt(recordAt(ctx.value, 'spec'), 'acme');
    listAt(acme, 'solvers').forEach((item, i) => {
      const solver = asRecord(item);
      if (!solver) return;
      const path: PathSegment[] = ['spec', 'acme', 'solvers', i];
      const http = isSet(solver, 'http01');
      const dns = isSet(solver, 'dns01');
      if (!http && !dns) {
        ctx.report({
          path,
          message:
            'cert-manager\'s webhook rejects a solver with no type ("no solver type configured"). Add http01 (e.g. http01: { ingress: { ingressClassName: nginx } }) or dns01 with your DNS provider.',
        });
      } else if (http && dns) {
        ctx.report({
          path: [...path, 'dns01'],
          on: 'key',
          message:
            'cert-manager\'s webhook rejects a solver with both http01 and dns01 ("may not specify more than one solver type"). Split them into two solvers, using selector to choose which domains each one answers.',
        });
      }
      const http01 = recordAt(solver, 'http01');
      if (http01) {
        const methods = ['ingress', 'gatewayHTTPRoute'].filter((m) => isSet(http01, m));
        if (methods.length !== 1) {
          ctx.report({
            path: [...path, 'http01'],
            on: 'key',
            message:
              methods.length === 0
                ? 'cert-manager\'s webhook rejects http01 with neither ingress nor gatewayHTTPRoute ("no HTTP01 solver type configured"). Add one of them.'
                : 'cert-manager\'s webhook rejects http01 with both ingress and gatewayHTTPRoute ("only 1 HTTP01 solver type may be configured"). Keep one.',
          });
        }
        const ingress = recordAt(http01, 'ingress');
        const naming = ['class', 'ingressClassName', 'name'].filter((f) =>
          f === 'name' ? stringAt(ingress, f) !== '' : isSet(ingress, f),
        );
        // issuer.go (1.21, ValidateACMEIssuerChallengeSolverHTTP01IngressConfig) counts the three and refuses more than one.
        if (naming.length > 1) {
          ctx.report({
            path: [...path, 'http01', 'ingress', naming[1]],
            on: 'key',
            message: `cert-manager's webhook rejects ${naming.join(' with ')} ("only one of 'ingressClassName', 'name' or 'class' should be specified"). Keep ingressClassName, or name to reuse an existing Ingress.`,
          });
        }
        const className = ingress?.ingressClassName;
        if (typeof className === 'string' && !DNS_SUBDOMAIN.test(className)) {
          ctx.report({
            path: [...path, 'http01', 'ingress', 'ingressClassName'],
            message: `cert-manager's webhook rejects ingressClassName "${className}": it names an IngressClass, so it must be a lower-case DNS name (a "class" such as azure/application-gateway goes in class instead).`,
          });
        }
        // No parentRefs check: 1.21 dropped "at least 1 parentRef" (the Certificate's override annotations can
        // name the Gateway), and its kind-without-name / name-without-kind test cannot fire on a manifest, since
        // the CRD requires name and defaults kind to Gateway before the webhook runs.
        for (const kind of ['ingress', 'gatewayHTTPRoute']) {
          const type = stringAt(recordAt(http01, kind), 'serviceType');
          if (type === '' || type === 'ClusterIP' || type === 'NodePort') continue;
          ctx.report({
            path: [...path, 'http01', kind, 'serviceType'],
            message: `cert-manager's webhook rejects serviceType ${type} for the solver: it "must be empty, "ClusterIP" or "NodePort"".`,
          });
        }
      }
      const wait = solver.waitInsteadOfSelfCheck;
      if (typeof wait === 'string' && (parseDurationNanos(wait) ?? 0n) < 0n) {
        ctx.report({
          path: [...path, 'waitInsteadOfSelfCheck'],
          message: `cert-manager's webhook rejects a negative waitInsteadOfSelfCheck ("${wait}"). Write how long to wait, e.g. 2m.`,
        });
      }
      const dns01 = recordAt(solver, 'dns01');
      if (dns01) checkDns01(dns01, [...path, 'dns01'], ctx.report.bind(ctx));
    });
  },
};

function checkDns01(
  dns01: Record<string, unknown>,
  base: PathSegment[],
  report: (input: { path: PathSegment[]; on?: 'key' | 'value'; message: string }) => void,
): void {
  let count = 0;
  let first = '';
  for (const { name, exclusive } of PROVIDERS) {
    if (!isSet(dns01, name)) continue;
    if (count > 0 && exclusive) {
      report({
        path: [...base, name],
        on: 'key',
        message: `cert-manager's webhook rejects ${name} next to ${first} ("may not specify more than one provider type"). Use one DNS provider per solver; add a second solver for the other zone.`,
      });
      continue;
    }
    if (count === 0) first = name;
    count++;
  }
  if (count === 0) {
    report({
      path: base,
      on: 'key',
      message:
        'cert-manager\'s webhook rejects dns01 with no provider ("no DNS01 provider configured"). Add your DNS provider block, e.g. cloudflare or route53.',
    });
  }
  for (const [provider, refs] of Object.entries(SECRET_REFS)) {
    const body = recordAt(dns01, provider);
    if (!body) continue;
    for (const refName of refs) {
      const ref = recordAt(body, refName);
      if (!ref) continue;
      for (const field of ['name', 'key']) {
        if (stringAt(ref, field) !== '') continue;
        const present = ref[field] !== undefined;
        if (!present && field === 'name') continue; // a missing name is a schema error
        report({
          path: present ? [...base, provider, refName, field] : [...base, provider, refName],
          on: present ? 'value' : 'key',
          message: `cert-manager's webhook rejects ${provider}.${refName} without ${field} ("secret ${field} is required"). Name the ${field === 'name' ? 'Secret' : 'key inside the Secret'} that holds the credential.`,
        });
      }
    }
  }
  const cloudflare = recordAt(dns01, 'cloudflare');
  if (cloudflare) {
    const apiKey = isSet(cloudflare, 'apiKeySecretRef');
    const token = isSet(cloudflare, 'apiTokenSecretRef');
    if (apiKey && token)
      report({
        path: [...base, 'cloudflare', 'apiKeySecretRef'],
        on: 'key',
        message:
          "cert-manager's webhook rejects apiKeySecretRef with apiTokenSecretRef. Keep apiTokenSecretRef: a scoped API token is safer than the global API key.",
      });
    if (!apiKey && !token)
      report({
        path: [...base, 'cloudflare'],
        on: 'key',
        message:
          "cert-manager's webhook rejects cloudflare without apiTokenSecretRef or apiKeySecretRef. Add apiTokenSecretRef naming a Secret with a token scoped to DNS edits.",
      });
    if (apiKey && stringAt(cloudflare, 'email') === '')
      report({
        path: [...base, 'cloudflare', 'apiKeySecretRef'],
        on: 'key',
        message:
          "cert-manager's webhook rejects apiKeySecretRef without email: the global API key needs the account email. Add email, or switch to apiTokenSecretRef.",
      });
  }
  const route53 = recordAt(dns01, 'route53');
  if (route53 && stringAt(route53, 'accessKeyID') !== '' && isSet(route53, 'accessKeyIDSecretRef')) {
    report({
      path: [...base, 'route53', 'accessKeyIDSecretRef'],
      on: 'key',
      message:
        "cert-manager's webhook rejects accessKeyID together with accessKeyIDSecretRef. Keep accessKeyIDSecretRef, or better, use ambient credentials (IRSA) and neither.",
    });
  }
}
