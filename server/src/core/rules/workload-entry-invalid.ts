// What the WorkloadEntry CRD's CEL rules and Istio's ValidateWorkloadEntry webhook reject: a missing
// address, unix socket paths that are not absolute sockets, and bad port names or numbers.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';
import { workloadProblems } from './lib/istio-values';

export const rule: DocumentRule = {
  meta: {
    id: 'workload-entry-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A WorkloadEntry the API server rejects: no address, a bad unix socket address, or bad ports.',
    fixable: false,
  },
  kinds: ['networking.istio.io/WorkloadEntry'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    for (const p of workloadProblems(spec, ['spec'], true)) ctx.report(p);
  },
};
