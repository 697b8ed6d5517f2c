// AuthorizationPolicy values Istio parses: IPs or CIDRs in ipBlocks-style fields and IP conditions,
// port numbers in ports and destination.port conditions.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { isCidr, isNetipAddr } from '../ip-address';
import { listAt, stringAt } from './lib/go-values';
import { policyRules } from './lib/authorization-policy-walk';

const IP_FIELDS = ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'];
const PORT_FIELDS = ['ports', 'notPorts'];
const IP_KEYS = ['source.ip', 'remote.ip', 'destination.ip'];

function badIp(v: string): boolean {
  return v.includes('/') ? !isCidr(v) : !isNetipAddr(v);
}

function badPort(v: string): boolean {
  return !/^\d+$/.test(v) || Number(v) > 65535;
}

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-value-format',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'AuthorizationPolicy IP blocks must be IPs or CIDRs and ports must be port numbers.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    const scan = (holder: Record<string, unknown> | undefined, field: string, base: PathSegment[], kind: 'ip' | 'port'): void => {
      listAt(holder, field).forEach((v, i) => {
        if (typeof v !== 'string' || v === '') return; // wrong types and empty strings are reported elsewhere
        if (kind === 'ip' ? !badIp(v) : !badPort(v)) return;
        ctx.report({
          path: [...base, field, i],
          message:
            kind === 'ip'
              ? `The Istio webhook rejects "${v}" in ${field}: it is neither an IP address nor a CIDR range. Write e.g. 10.0.0.5 or 10.0.0.0/16.`
              : `The Istio webhook rejects "${v}" in ${field}: ports are written as numbers between 0 and 65535, in quotes, e.g. "8080".`,
        });
      });
    };
    for (const rule of policyRules(ctx.value)) {
      for (const from of rule.from) {
        const source = asRecord(from.value?.source);
        for (const f of IP_FIELDS) scan(source, f, [...from.path, 'source'], 'ip');
      }
      for (const to of rule.to) {
        const op = asRecord(to.value?.operation);
        for (const f of PORT_FIELDS) scan(op, f, [...to.path, 'operation'], 'port');
      }
      for (const when of rule.when) {
        const key = stringAt(when.value, 'key');
        const kind = IP_KEYS.includes(key) ? 'ip' : key === 'destination.port' ? 'port' : undefined;
        if (!kind) continue;
        for (const f of ['values', 'notValues']) scan(when.value, f, when.path, kind);
      }
    }
  },
};
