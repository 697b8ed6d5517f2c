// DENY rules that block listed paths (`paths: ["/admin"]`): a spelling of the path the rule does not
// list slips past. An exact path without its `/*` sibling is bypassed by a mere trailing slash
// (warning); prefix patterns are bypassed only by case or slash tricks the backend may accept (info).
import type { DocumentRule } from './lib/rule';
import { operations, stringItems } from './lib/authorization-fields';
import { policyAction } from './lib/authorization-policy-walk';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-deny-positive-path',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'A DENY rule blocks listed paths; other spellings of the same path get through. Deny with notPaths or allow positively.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    if (policyAction(ctx.value) !== 'DENY') return;
    for (const op of operations(ctx)) {
      const paths = stringItems(op, ['paths']).filter((p) => p.value !== '*');
      if (paths.length === 0) continue;
      const values = paths.map((p) => p.value);
      let warned = false;
      for (const site of paths) {
        const p = site.value;
        if (p.includes('*') || p.includes('{')) continue;
        const base = p.endsWith('/') ? p.slice(0, -1) : p;
        if (values.includes(`${base}/*`) || values.includes(`${p}*`)) continue;
        warned = true;
        ctx.report({
          path: site.path,
          message: `This DENY matches "${p}" exactly, so "${base}/" and everything below it${p.endsWith('/') ? ` (and "${base}" itself)` : ''} still reach the workload. Deny everything except the known-good paths with \`notPaths\`, or at least add "${base}/*".`,
        });
      }
      if (warned) continue;
      // Prefix patterns: still a block list, but only odd spellings (case, doubled slashes) get by.
      ctx.report({
        path: [...op.path, 'paths'],
        on: 'key',
        severity: 'info',
        message:
          'A DENY on listed paths blocks only the spellings it names: "/ADMIN/" or "//admin/" can reach a backend that treats them as "/admin/". Where you can, deny everything except the known-good paths with `notPaths`, or allow the paths callers need with an ALLOW policy.',
      });
    }
  },
};
