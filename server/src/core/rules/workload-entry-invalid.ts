// What the WorkloadEntry CRD's CEL rules and Istio's ValidateWorkloadEntry webhook reject (and warn about): a missing
// address, an address that is no IP, host name or absolute socket, bad port names or numbers, and bad labels.
import type { DocumentRule } from './lib/rule';
import { isNetipAddr } from '../ip-address';
import { recordAt, stringAt } from './lib/go-values';
import { fqdnProblem } from './lib/hostnames';
import { labelMapProblems, workloadProblems } from './lib/istio-values';

export const rule: DocumentRule = {
  meta: {
    id: 'workload-entry-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A WorkloadEntry the API server rejects: no address, an address that is no IP or host name, bad ports or labels.',
    fixable: false,
  },
  kinds: ['networking.istio.io/WorkloadEntry'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    for (const p of workloadProblems(spec, ['spec'], true)) ctx.report(p);
    const address = stringAt(spec, 'address');
    const problem = address === '' || address.startsWith('unix://') || isNetipAddr(address) ? undefined : fqdnProblem(address);
    if (problem) {
      ctx.report({
        path: ['spec', 'address'],
        message:
          `The webhook rejects the address "${address}": "not a valid FQDN or an IP address" (${problem}). ` +
          'Write the IP address of the workload, a DNS name such as vm1.example.com, or unix:///path.sock.',
      });
    }
    for (const p of labelMapProblems(spec.labels, ['spec', 'labels'], 'workload')) ctx.report(p);
    if (address === '' && stringAt(spec, 'network') !== '') {
      ctx.report({
        path: ['spec', 'network'],
        on: 'key',
        severity: 'warning',
        message:
          `The webhook warns: "address is unset with network ${stringAt(spec, 'network')}". Istio then reaches the workload only through ` +
          "that network's gateway; add address: if the workload has one.",
      });
    }
  },
};
