// A RequestAuthentication with no AuthorizationPolicy that demands a token for the same workloads.
// RequestAuthentication only rejects invalid tokens: a request with no token at all is let through
// with no request identity. Information (the enforcing policy may be applied from elsewhere); the
// fix adds a DENY policy for requests without a valid token, right after the RequestAuthentication.
// Which policies apply to which workload comes from the policy model. Ambient workloads differ:
// ztunnel validates no JWT and drops the HTTP parts of a DENY, so a `notRequestPrincipals` DENY does
// nothing there (istio/istio pilot/pkg/serviceregistry/ambient/authorization.go, handleRule and
// httpSources); no DENY is offered for them, a waypoint is the way.
import type { WorkspaceRule } from '../rule';
import { addDocumentFix, freeName, matchLabelsLines } from '../new-document';
import type { AuthorizationPolicyFact, RequestAuthenticationFact, WorkloadFact } from '../facts';
import type { WorkspaceView } from '../view';
import { namesOf } from '../describe';
import { meshSettings } from '../../policy/mesh-settings';
import { authorizationPoliciesFor, workloadsForPolicy } from '../../policy/applicable';
import { dataPlaneOf } from '../../policy/data-plane';
import type { MeshSettings } from '../../policy/types';

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
    const settings = meshSettings(view, config);
    for (const ra of view.all('request-authentication')) {
      const ns = ra.namespace;
      if (ns === undefined || ra.targeted) continue;
      const workloads = workloadsForPolicy(view, settings, ra);
      const ambient = workloads.filter((w) => dataPlaneOf(view, w).dataPlane === 'ambient');
      if (ambient.length > 0) {
        ctx.report({
          at: ra.site,
          message: `${namesOf(ambient)} run${ambient.length === 1 ? 's' : ''} in ambient mode, where ztunnel validates no JWT: this RequestAuthentication has no effect there, and a DENY on \`notRequestPrincipals\` would not either (ztunnel drops the HTTP parts of a DENY rule, leaving a rule that never fires). Send the traffic through a waypoint and bind both policies to it with \`targetRefs\`.`,
        });
        continue;
      }
      if (workloads.length > 0 ? workloads.every((w) => tokenRequired(view, settings, w)) : enforcing(view, settings, ra).length > 0)
        continue;
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

/** Does an enforced policy that demands a token apply to this workload (the model's applicability)? */
function tokenRequired(view: WorkspaceView, settings: MeshSettings, w: WorkloadFact): boolean {
  return authorizationPoliciesFor(view, settings, w).applied.some((a) => a.fact.requiresToken && !a.fact.dryRun);
}

/** Without workloads in the workspace: token-requiring policies whose selectors could overlap the RequestAuthentication's. */
function enforcing(view: WorkspaceView, settings: MeshSettings, ra: RequestAuthenticationFact): AuthorizationPolicyFact[] {
  const ns = ra.namespace as string;
  const root = settings.rootNamespace.value;
  // A RequestAuthentication in the root namespace reaches every namespace, and so do the policies
  // each namespace writes to require its tokens; root-namespace policies reach every namespace too.
  const candidates = ns === root ? [...view.all('authorization-policy')] : [...view.inNamespace('authorization-policy', ns)];
  if (ns !== root) candidates.push(...view.inNamespace('authorization-policy', root));
  return candidates.filter((p) => p.requiresToken && !p.targeted && overlaps(p, ra));
}

function overlaps(p: AuthorizationPolicyFact, ra: RequestAuthenticationFact): boolean {
  if (!p.selector || !ra.selector) return true;
  for (const [k, v] of Object.entries(p.selector.labels))
    if (ra.selector.labels[k] !== undefined && ra.selector.labels[k] !== v) return false;
  return true;
}
