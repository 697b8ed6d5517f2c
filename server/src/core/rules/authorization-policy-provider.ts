// provider belongs to CUSTOM AuthorizationPolicies, and a CUSTOM policy with rules needs provider.name.
import type { DocumentRule } from './lib/rule';
import { isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { policyAction } from './lib/authorization-policy-walk';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-provider',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'action CUSTOM needs provider.name, and provider is only allowed with action CUSTOM.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    const action = policyAction(ctx.value);
    if (action === 'CUSTOM') {
      if (listAt(spec, 'rules').length === 0) return; // reported by authorization-policy-rules-required
      if (stringAt(recordAt(spec, 'provider'), 'name') !== '') return;
      ctx.report({
        path: isSet(spec, 'provider') ? ['spec', 'provider'] : ['spec', 'action'],
        on: isSet(spec, 'provider') ? 'key' : 'value',
        message:
          'The Istio webhook rejects a CUSTOM policy without provider.name ("`provider.name` must not be empty"). ' +
          'Name the extension provider from the mesh config, e.g. provider: { name: my-ext-authz }.',
      });
      return;
    }
    if (!isSet(spec, 'provider')) return;
    ctx.report({
      path: ['spec', 'provider'],
      on: 'key',
      message:
        `The Istio webhook rejects provider with action ${action} ("\`provider\` must not be with non CUSTOM action"). ` +
        'Set action: CUSTOM to delegate to the external authorizer, or remove provider.',
    });
  },
};
