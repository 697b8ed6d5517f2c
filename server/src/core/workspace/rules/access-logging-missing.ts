// The root namespace holds mesh policies but nothing turns on access logging: no selector-less
// Telemetry with accessLogging there, no accessLogFile in an IstioOperator or the `istio` ConfigMap.
// Without logs nobody can reconstruct who called whom. Information only; the fix adds a mesh-wide
// Telemetry using Istio's built-in `envoy` provider.
import { meshSettings } from '../../policy/mesh-settings';
import type { WorkspaceRule } from '../rule';
import { meshPolicy } from '../effective-mtls';
import { addDocumentFix, freeName } from '../new-document';

export const rule: WorkspaceRule = {
  meta: {
    id: 'access-logging-missing',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: 'The root namespace holds mesh policies but no Telemetry (or mesh config) turns on access logging.',
    fixable: true,
  },
  check(ctx) {
    const { view, config } = ctx;
    const root = meshSettings(view, config).rootNamespace.value;
    const anchor =
      meshPolicy(view, config) ??
      view.inNamespace('peer-authentication', root)[0] ??
      view.inNamespace('authorization-policy', root)[0] ??
      view.inNamespace('request-authentication', root)[0];
    if (!anchor) return;
    // A Telemetry that disables logging is a decision, not an omission: another rule speaks to it.
    if (view.inNamespace('telemetry', root).some((t) => !t.selector && t.accessLogging !== 'absent')) return;
    if (view.all('mesh-config').some((m) => m.accessLogFile)) return;
    const file = view.file(anchor.uri);
    if (!file) return;
    const name = freeName(
      view.inNamespace('telemetry', root).map((t) => t.name),
      'mesh-default',
    );
    ctx.report({
      at: anchor.namespaceSite ?? anchor.site,
      message: `The root namespace ${root} holds mesh policies, but no Telemetry there (nor an accessLogFile or a defaultProviders.accessLogging in the mesh config) turns on access logging, so no request leaves a trace of who called whom. Add a mesh-wide Telemetry with accessLogging.`,
      fixes: [
        addDocumentFix(
          file,
          anchor,
          [
            '# Mesh-wide access logs: a record of every request, caller identity included.',
            'apiVersion: telemetry.istio.io/v1',
            'kind: Telemetry',
            'metadata:',
            `  name: ${name}`,
            `  namespace: ${root}`,
            'spec:',
            '  accessLogging:',
            '    - providers:',
            '        - name: envoy',
          ],
          'Add a mesh-wide Telemetry that turns on access logging',
        ),
      ],
    });
  },
};
