// Istio's webhook warning: a DENY rule that matches only on HTTP attributes denies all TCP traffic
// to sidecar workloads, because a sidecar drops the attributes a TCP connection cannot have and keeps
// the rest (authz/model/model.go). ztunnel (ambient) does the opposite: it omits the HTTP parts and
// such a rule never fires, so the message tells both stories; the workspace rule
// authorization-policy-ambient-l7 says which one applies when the workspace shows the namespace.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { isSet } from './lib/go-values';
import { policyAction, policyRules } from './lib/authorization-policy-walk';

/** Source fields a plain TCP connection still has (everything but requestPrincipals). */
const TCP_SOURCE_FIELDS = [
  'principals',
  'notPrincipals',
  'ipBlocks',
  'notIpBlocks',
  'namespaces',
  'notNamespaces',
  'remoteIpBlocks',
  'notRemoteIpBlocks',
  'serviceAccounts',
  'notServiceAccounts',
  'trustDomains',
  'notTrustDomains',
];

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-deny-http-only',
    category: 'api',
    defaultSeverity: 'warning',
    summary:
      'A DENY rule that uses only HTTP attributes denies all TCP traffic to sidecar workloads (and does nothing in ambient); scope it to ports.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    if (policyAction(ctx.value) !== 'DENY') return;
    for (const rule of policyRules(ctx.value)) {
      // Same test as the webhook: a from with no TCP field and no to, or any to without ports.
      let fromExists = false;
      let toExists = false;
      let tcpInFrom = false;
      let tcpInTo = false;
      for (const from of rule.from) {
        const source = asRecord(from.value?.source);
        if (!source) continue;
        fromExists = true;
        if (TCP_SOURCE_FIELDS.some((f) => isSet(source, f))) tcpInFrom = true;
      }
      for (const to of rule.to) {
        const op = asRecord(to.value?.operation);
        if (!op) continue;
        toExists = true;
        if (isSet(op, 'ports') || isSet(op, 'notPorts')) tcpInTo = true;
      }
      if (!((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo))) continue;
      if (!toExists && onlyTokenFields(rule.from)) {
        // The standard "require a JWT" policy: denying raw TCP (which can carry no token) is the
        // point, so kubectl's warning is only worth a note here, not a warning of our own.
        ctx.report({
          path: [...rule.path, 'from'],
          on: 'key',
          severity: 'info',
          message:
            'kubectl prints a warning for this token-requiring DENY rule: TCP connections carry no request token, so all non-HTTP traffic to the workload is denied. ' +
            'That is usually intended; if the workload also serves TCP ports, add a to.operation with the HTTP ports.',
        });
        continue;
      }
      ctx.report({
        path: toExists ? [...rule.path, 'to'] : [...rule.path, 'from'],
        on: 'key',
        message:
          'kubectl will warn: this DENY rule uses only HTTP attributes. With sidecars, on TCP (non-HTTP) ports it matches every connection and denies all TCP traffic to the workload; ' +
          'in an ambient namespace without a waypoint the opposite happens: ztunnel leaves the HTTP parts out and the rule never matches, so it denies nothing. ' +
          'Add ports: ["<http-port>"] to the operation so the rule only applies where HTTP attributes can be seen (in ambient, bind it to a waypoint with targetRefs).',
      });
    }
  },
};

/** Every source in the rule matches on request principals only (the JWT-requiring pattern). */
function onlyTokenFields(from: readonly { value?: Record<string, unknown> }[]): boolean {
  const sources = from.map((f) => asRecord(f.value?.source)).filter((s): s is Record<string, unknown> => s !== undefined);
  return sources.length > 0 && sources.every((s) => Object.keys(s).every((k) => k === 'requestPrincipals' || k === 'notRequestPrincipals'));
}
