// ALLOW rules written with exclusions (`notPrincipals`, `notPaths`, `notValues`...): they allow
// everything except what is listed, so every caller or path nobody thought of is let in.
import type { DocumentRule } from './lib/rule';
import { conditions, operations, sources, type Clause } from './lib/authorization-fields';
import { policyAction } from './lib/authorization-policy-walk';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-allow-negative',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'An ALLOW rule matches by exclusion (not* fields): everything not listed is allowed.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    if (policyAction(ctx.value) !== 'ALLOW') return;
    const clauses: Clause[] = [...sources(ctx), ...operations(ctx), ...conditions(ctx)];
    for (const clause of clauses) {
      for (const field of Object.keys(clause.fields)) {
        if (!/^not[A-Z]/.test(field)) continue;
        const positive = field === 'notValues' ? 'values' : field[3].toLowerCase() + field.slice(4);
        ctx.report({
          path: [...clause.path, field],
          on: 'key',
          message: `An ALLOW rule with \`${field}\` allows everything except what it lists, so new callers, paths or hosts are allowed by default. List what is allowed with \`${positive}\` instead; keep exclusions for DENY policies.`,
        });
      }
    }
  },
};
