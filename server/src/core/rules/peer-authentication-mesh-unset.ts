// A mesh-wide PeerAuthentication (root namespace, no selector) that leaves the mode UNSET: there is
// nothing above the mesh to inherit from, so Istio falls back to PERMISSIVE.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { strictFix } from './lib/mtls-mode';

export const rule: DocumentRule = {
  meta: {
    id: 'peer-authentication-mesh-unset',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'The mesh-wide PeerAuthentication leaves the mode UNSET, which means PERMISSIVE for the whole mesh.',
    fixable: true,
  },
  kinds: ['security.istio.io/PeerAuthentication'],
  check(ctx) {
    // Only the root namespace's selector-less policy is mesh-wide; elsewhere UNSET inherits and is fine.
    if (ctx.resource.namespace !== ctx.config.rootNamespace) return;
    const spec = asRecord(ctx.value.spec);
    if (!spec || spec.selector !== undefined) return;
    if (asRecord(spec.mtls)?.mode !== 'UNSET') return;
    const fix = strictFix(ctx, ['spec', 'mtls', 'mode']);
    ctx.report({
      path: ['spec', 'mtls', 'mode'],
      message: `This is the mesh-wide policy (namespace ${ctx.config.rootNamespace}, no selector), and UNSET has nothing above it to inherit from: Istio treats it as PERMISSIVE, so every workload without a policy of its own accepts plaintext. Set STRICT.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};
