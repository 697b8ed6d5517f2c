// What Istio's ValidateDestinationRule webhook rejects (and warns about) outside TLS: the host, subset names and
// labels, and empty, contradictory or deprecated traffic policy settings at every level (policy, port, subset).
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { listAt, recordAt } from './lib/go-values';
import { isIstioDnsLabel, wildcardDomainProblem } from './lib/hostnames';
import { labelMapProblems } from './lib/istio-values';
import { trafficPolicyProblems } from './lib/traffic-policy-checks';

export const rule: DocumentRule = {
  meta: {
    id: 'destination-rule-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'A DestinationRule the webhook rejects outside TLS: ' +
      'a bad host, a bad or repeated subset name, or an empty or contradictory traffic policy.',
    fixable: false,
  },
  kinds: ['networking.istio.io/DestinationRule'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    const host = spec.host;
    const hostProblem = typeof host === 'string' ? wildcardDomainProblem(host) : undefined;
    if (hostProblem) {
      ctx.report({
        path: ['spec', 'host'],
        message:
          `The webhook rejects the host "${String(host)}": ${hostProblem}. ` +
          `Write a service name such as reviews, reviews.shop.svc.cluster.local or *.example.com.`,
      });
    }
    const policies: { policy: Record<string, unknown>; path: PathSegment[] }[] = [];
    const top = recordAt(spec, 'trafficPolicy');
    if (top) policies.push({ policy: top, path: ['spec', 'trafficPolicy'] });
    const names = new Set<string>();
    listAt(spec, 'subsets').forEach((item, i) => {
      const subset = asRecord(item);
      if (!subset) return;
      const name = subset.name;
      if (typeof name === 'string' && !isIstioDnsLabel(name)) {
        ctx.report({
          path: ['spec', 'subsets', i, 'name'],
          message:
            `The webhook rejects the subset name "${name}": ` +
            `${name === '' ? '"subset name cannot be empty"' : '"subset name is invalid"'}. ` +
            'A subset name is a DNS label: letters, digits and inner "-", at most 63 characters (e.g. v1 or canary).',
        });
      }
      for (const p of labelMapProblems(subset.labels, ['spec', 'subsets', i, 'labels'], 'subset')) ctx.report(p);
      if (typeof name === 'string' && name !== '') {
        if (names.has(name)) {
          ctx.report({
            path: ['spec', 'subsets', i, 'name'],
            message: `The webhook rejects a second subset named "${name}": "duplicate subset names". Give each subset its own name, e.g. ${name}-canary.`,
          });
        }
        names.add(name);
      }
      const policy = recordAt(subset, 'trafficPolicy');
      if (policy) policies.push({ policy, path: ['spec', 'subsets', i, 'trafficPolicy'] });
    });
    for (const { policy, path } of policies) for (const p of trafficPolicyProblems(policy, path)) ctx.report(p);
  },
};
