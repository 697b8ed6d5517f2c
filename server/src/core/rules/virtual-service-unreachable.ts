// The webhook's warnings about VirtualService rules and matches that never see traffic, because an
// earlier rule takes everything or the same requests first.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';
import { unreachableProblems } from './lib/vs-unreachable';

export const rule: DocumentRule = {
  meta: {
    id: 'virtual-service-unreachable',
    category: 'api',
    defaultSeverity: 'warning',
    summary:
      'A VirtualService rule or match that never sees traffic: a rule without matches before it, a repeated match, a covered uri prefix.',
    fixable: false,
  },
  kinds: ['networking.istio.io/VirtualService'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    for (const p of unreachableProblems(spec)) ctx.report(p);
  },
};
