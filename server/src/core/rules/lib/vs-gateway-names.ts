// Gateway references in a VirtualService (spec.gateways and each match's gateways) as Istio's
// validateGatewayNames reads them: "mesh", "namespace/name", or the legacy "name.namespace" (a warning).
import type { PathSegment } from '../../locate';
import type { VsProblem } from './vs-problem';
import { fqdnProblem, isIstioDnsLabel } from './hostnames';

/**
 * The findings for one gateways list. `gatewaySemantics` is set on VirtualServices that Istio generates
 * from Gateway API routes, whose gateway names need not be DNS labels.
 */
export function gatewayNameProblems(list: unknown, path: PathSegment[], gatewaySemantics: boolean): VsProblem[] {
  if (!Array.isArray(list)) return [];
  const out: VsProblem[] = [];
  for (let i = 0; i < list.length; i++) {
    const name: unknown = list[i];
    if (typeof name !== 'string') continue;
    const at = [...path, i];
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const [gw, ns] = name.split('.');
        out.push({
          path: at,
          on: 'value',
          severity: 'warning',
          message: `Istio warns that "${name}" is the old name.namespace form of a gateway reference. Write ${ns}/${gw} instead.`,
        });
      }
      const problem = fqdnProblem(name);
      if (problem) {
        out.push({
          path: at,
          on: 'value',
          message: `The webhook rejects the gateway "${name}": ${problem}. Write mesh, or <namespace>/<gateway name>.`,
        });
      }
      // Upstream stops at the first name without a "/": the names after it go unchecked.
      return out;
    }
    const namespace = name.slice(0, slash);
    const gateway = name.slice(slash + 1);
    if (namespace === '' || gateway === '') {
      out.push({
        path: at,
        on: 'value',
        message: `The webhook rejects the gateway "${name}": both sides of "/" must be set. Write <namespace>/<gateway name>, e.g. istio-system/ingress.`,
      });
      continue;
    }
    if (!isIstioDnsLabel(namespace)) {
      out.push({
        path: at,
        on: 'value',
        message: `The webhook rejects the gateway "${name}": "${namespace}" is not a namespace name. Write the Gateway's namespace before "/".`,
      });
    }
    if (!gatewaySemantics && !isIstioDnsLabel(gateway)) {
      out.push({
        path: at,
        on: 'value',
        message: `The webhook rejects the gateway "${name}": "${gateway}" is not a DNS label (letters, digits, inner "-"). Write the Gateway's metadata.name after "/".`,
      });
    }
  }
  return out;
}
