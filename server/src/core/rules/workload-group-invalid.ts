// What the WorkloadGroup CRD's CEL rules and Istio's ValidateWorkloadGroup webhook reject: probe
// ports and scheme, the template's unix socket address and ports, and the labels in spec.metadata.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { recordAt } from './lib/go-values';
import { labelMapProblems, portProblem, workloadProblems } from './lib/istio-values';
import { setValueFix } from './lib/fix-edits';

const PROBES = ['httpGet', 'tcpSocket', 'grpc'];
const SCHEMES = ['HTTP', 'HTTPS'];

export const rule: DocumentRule = {
  meta: {
    id: 'workload-group-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A WorkloadGroup the API server rejects: a bad probe port or scheme, template address or ports, or metadata labels.',
    fixable: true,
  },
  kinds: ['networking.istio.io/WorkloadGroup'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    const template = recordAt(spec, 'template');
    // The address is filled in per VM, so the template may leave it out.
    if (template) for (const p of workloadProblems(template, ['spec', 'template'], false)) ctx.report(p);
    const labels = recordAt(recordAt(spec, 'metadata'), 'labels');
    for (const p of labelMapProblems(labels, ['spec', 'metadata', 'labels'], 'template metadata')) ctx.report(p);
    const probe = recordAt(spec, 'probe');
    for (const method of PROBES) {
      const check = recordAt(probe, method);
      if (!check) continue;
      const path: PathSegment[] = ['spec', 'probe', method];
      const problem = portProblem(check.port);
      if (problem) ctx.report({ path: [...path, 'port'], message: problem });
      const scheme = check.scheme;
      if (method !== 'httpGet' || typeof scheme !== 'string' || scheme === '' || SCHEMES.includes(scheme)) continue;
      const upper = scheme.toUpperCase();
      const fix = SCHEMES.includes(upper) ? setValueFix(ctx, [...path, 'scheme'], upper, `Write ${upper}`, true) : undefined;
      ctx.report({
        path: [...path, 'scheme'],
        message: `The API server rejects the probe scheme "${scheme}": "scheme must be one of [HTTP, HTTPS]". Write HTTP or HTTPS, in capitals.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
