// A RequestAuthentication with no AuthorizationPolicy that demands a token for the same workloads.
// RequestAuthentication only rejects invalid tokens: a request with no token at all is let through
// with no request identity. Information (the enforcing policy may be applied from elsewhere); the
// fix adds a DENY policy for requests without a valid token, right after the RequestAuthentication.
import type { WorkspaceRule } from '../rule';
import { addDocumentFix, freeName, matchLabelsLines } from '../new-document';
import type { AuthorizationPolicyFact, RequestAuthenticationFact } from '../facts';
import type { WorkspaceView } from '../view';
import type { Config } from '../../config';

export const rule: WorkspaceRule = {
  meta: {
    id: 'request-authentication-not-enforced',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: 'A RequestAuthentication has no AuthorizationPolicy requiring a token for its workloads, so requests without a token pass.',
    fixable: true,
  },
  check(ctx) {
    const { view, config } = ctx;
    for (const ra of view.all('request-authentication')) {
      const ns = ra.namespace;
      if (ns === undefined || ra.targeted) continue;
      if (enforcing(view, config, ra).length > 0) continue;
      const file = view.file(ra.uri);
      if (!file) continue;
      const name = freeName(
        view.inNamespace('authorization-policy', ns).map((p) => p.name),
        `${ra.name ?? 'jwt'}-require-token`,
      );
      const lines = [
        '# Requests without a valid token are rejected (RequestAuthentication alone lets them through).',
        'apiVersion: security.istio.io/v1',
        'kind: AuthorizationPolicy',
        'metadata:',
        `  name: ${name}`,
        `  namespace: ${ns}`,
        'spec:',
        ...(ra.selector ? ['  selector:', ...matchLabelsLines(ra.selector.labels, '    ')] : []),
        '  action: DENY',
        '  rules:',
        '    - from:',
        '        - source:',
        '            notRequestPrincipals: ["*"]',
      ];
      ctx.report({
        at: ra.site,
        message: `No AuthorizationPolicy in the workspace requires a token for the workloads of this RequestAuthentication. It only rejects invalid tokens: a request that sends none passes with no request identity. Add a policy that denies requests without a request principal.`,
        fixes: [addDocumentFix(file, ra, lines, 'Add an AuthorizationPolicy that requires a valid token')],
      });
    }
  },
};

/** Token-requiring policies whose workloads overlap the RequestAuthentication's. */
function enforcing(view: WorkspaceView, config: Config, ra: RequestAuthenticationFact): AuthorizationPolicyFact[] {
  const ns = ra.namespace as string;
  // A RequestAuthentication in the root namespace reaches every namespace, and so do the policies
  // each namespace writes to require its tokens.
  const candidates =
    ns === config.rootNamespace ? [...view.all('authorization-policy')] : [...view.inNamespace('authorization-policy', ns)];
  if (ns !== config.rootNamespace)
    candidates.push(...view.inNamespace('authorization-policy', config.rootNamespace).filter((p) => !p.selector));
  return candidates.filter((p) => p.requiresToken && !p.targeted && overlaps(p, ra));
}

function overlaps(p: AuthorizationPolicyFact, ra: RequestAuthenticationFact): boolean {
  if (!p.selector || !ra.selector) return true;
  for (const [k, v] of Object.entries(p.selector.labels))
    if (ra.selector.labels[k] !== undefined && ra.selector.labels[k] !== v) return false;
  return true;
}
