// A mesh-wide PeerAuthentication (root namespace, no selector) that leaves the mode UNSET: there is
// nothing above the mesh to inherit from, so Istio falls back to PERMISSIVE. A workspace rule because
// the root namespace is the mesh config's, which a single document cannot see.
import { meshSettings } from '../../policy/mesh-settings';
import type { WorkspaceRule } from '../rule';

export const rule: WorkspaceRule = {
  meta: {
    id: 'peer-authentication-mesh-unset',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'The mesh-wide PeerAuthentication leaves the mode UNSET, which means PERMISSIVE for the whole mesh.',
    fixable: true,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    for (const pa of view.inNamespace('peer-authentication', root)) {
      // Only the selector-less policy is mesh-wide; elsewhere UNSET inherits and is fine.
      if (pa.selector || pa.mode?.mode !== 'UNSET') continue;
      const { site, editSite } = pa.mode;
      ctx.report({
        at: site,
        message: `This is the mesh-wide policy (namespace ${root}, no selector), and UNSET has nothing above it to inherit from: Istio treats it as PERMISSIVE, so every workload without a policy of its own accepts plaintext. Set STRICT.`,
        // A suggestion: STRICT refuses every client without a sidecar, which no text edit can check. None
        // where an alias shares the value (the edit would change the other place too) or for a block scalar.
        fixes: editSite
          ? [
              {
                title: 'Set mode to STRICT',
                edits: [{ start: editSite.start, end: editSite.end, newText: 'STRICT' }],
                safe: true,
                preferred: true,
                batch: false,
              },
            ]
          : undefined,
      });
    }
  },
};
