// No mesh-wide PeerAuthentication in a workspace that holds the root namespace's configuration:
// every namespace without its own policy then runs Istio's default, PERMISSIVE. Information only
// (the mesh-wide policy may be applied from elsewhere); the fix adds one in STRICT mode.
import { meshSettings } from '../../policy/mesh-settings';
import type { WorkspaceRule } from '../rule';
import { meshPolicy } from '../effective-mtls';
import { addDocumentFix, freeName } from '../new-document';
import type { Fact } from '../facts';
import type { WorkspaceView } from '../view';

export const rule: WorkspaceRule = {
  meta: {
    id: 'mesh-strict-policy-missing',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: 'The root namespace is in the workspace but has no mesh-wide PeerAuthentication, so the mesh default (PERMISSIVE) applies.',
    fixable: true,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    if (meshPolicy(view, config)) return;
    const policies =
      view.all('peer-authentication').length + view.all('authorization-policy').length + view.all('request-authentication').length;
    if (policies === 0) return;
    const anchor = rootAnchor(view, root);
    if (!anchor) return;
    const file = view.file(anchor.uri);
    if (!file) return;
    const name = freeName(
      view.inNamespace('peer-authentication', root).map((p) => p.name),
      'default',
    );
    const fix = addDocumentFix(
      file,
      anchor,
      [
        '# Mesh-wide: every workload must present its mesh certificate (mutual TLS).',
        'apiVersion: security.istio.io/v1',
        'kind: PeerAuthentication',
        'metadata:',
        `  name: ${name}`,
        `  namespace: ${root}`,
        'spec:',
        '  mtls:',
        '    mode: STRICT',
      ],
      `Add a mesh-wide STRICT PeerAuthentication in ${root}`,
    );
    ctx.report({
      at: anchor.namespaceSite ?? anchor.site,
      message: `No mesh-wide PeerAuthentication (selector-less, in the root namespace ${root}) is in the workspace, so every namespace without its own policy runs Istio's default, PERMISSIVE, and accepts plaintext. Add a mesh-wide STRICT policy and relax it per namespace or port where needed.`,
      fixes: [fix],
    });
  },
};

/** The root-namespace manifest to hang the finding on: a mesh policy first, else anything there. */
export function rootAnchor(view: WorkspaceView, root: string): Fact | undefined {
  return (
    view.inNamespace('peer-authentication', root)[0] ??
    view.inNamespace('authorization-policy', root)[0] ??
    view.inNamespace('request-authentication', root)[0] ??
    view.inNamespace('telemetry', root)[0] ??
    view.anyInNamespace(root)[0] ??
    view.namespace(root)
  );
}
