// DENY or CUSTOM AuthorizationPolicy without rules: Istio's webhook rejects it as never triggered.
import type { DocumentRule } from './lib/rule';
import { listAt, recordAt } from './lib/go-values';
import { policyAction } from './lib/authorization-policy-walk';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-rules-required',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'An AuthorizationPolicy with action DENY or CUSTOM needs rules; without them Istio rejects it.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    const action = policyAction(ctx.value);
    if (action !== 'DENY' && action !== 'CUSTOM') return;
    // An empty list decodes to no rules at all in the webhook, exactly like a missing one.
    if (listAt(recordAt(ctx.value, 'spec'), 'rules').length > 0) return;
    ctx.report({
      path: ['spec', 'action'],
      message:
        `The Istio webhook rejects ${action} without rules: the policy would never match anything. ` +
        `List the requests to ${action === 'DENY' ? 'deny' : 'send to the external authorizer'} under rules, or write rules: [{}] to apply it to every request.`,
    });
  },
};
