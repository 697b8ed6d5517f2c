// What Istio's ValidateGateway webhook rejects in a Gateway outside its TLS settings: a name that is not a DNS
// label, no servers, two servers with one port name, an unknown protocol, a bad port, host or bind.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { listAt, recordAt, stringAt } from './lib/go-values';
import { portProblem, protocolProblem, targetPortProblem } from './lib/istio-values';
import { gatewayNameProblem, serverHostAndBindProblems } from './lib/gateway-server-syntax';

export const rule: DocumentRule = {
  meta: {
    id: 'gateway-servers-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'A Gateway the webhook rejects: a dotted name, no servers, a port name used twice, an unknown protocol, a bad port, host or bind.',
    fixable: false,
  },
  kinds: ['networking.istio.io/Gateway'],
  check(ctx) {
    const nameProblem = gatewayNameProblem(ctx.value);
    if (nameProblem) ctx.report(nameProblem);
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    const servers = listAt(spec, 'servers');
    if (servers.length === 0) {
      ctx.report({
        path: spec.servers === undefined ? ['spec'] : ['spec', 'servers'],
        on: 'key',
        message:
          'The webhook rejects a Gateway without servers: "gateway must have at least one server". ' +
          'Add a server with its port and hosts, e.g. port: {number: 443, name: https, protocol: HTTPS} and hosts: ["shop.example.com"].',
      });
      return;
    }
    const names = new Map<string, number>();
    servers.forEach((item, i) => {
      for (const p of serverHostAndBindProblems(asRecord(item), ['spec', 'servers', i])) ctx.report(p);
      const port = recordAt(asRecord(item), 'port');
      if (!port) return;
      const path: PathSegment[] = ['spec', 'servers', i, 'port'];
      const name = stringAt(port, 'name');
      const first = names.get(name);
      if (first !== undefined && name !== '') {
        ctx.report({
          path: [...path, 'name'],
          message: `The webhook rejects a second server with port name "${name}" (first used by server ${first + 1}): "port names in servers must be unique". Give this server's port its own name, e.g. ${name}-${typeof port.number === 'number' ? port.number : i + 1}.`,
        });
      } else names.set(name, i);
      const protocol = protocolProblem(port.protocol);
      if (protocol) ctx.report({ path: [...path, 'protocol'], message: protocol });
      const bind = stringAt(asRecord(item), 'bind');
      if (!(port.number === 0 && bind.startsWith('unix://'))) {
        const problem = portProblem(port.number);
        if (problem) ctx.report({ path: [...path, 'number'], message: problem });
      }
      const target = targetPortProblem(port, path, 'Gateways');
      if (target) ctx.report(target);
    });
  },
};
