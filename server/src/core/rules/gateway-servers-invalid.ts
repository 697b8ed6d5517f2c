// What Istio's ValidateGateway webhook rejects in a Gateway's servers outside their TLS settings: no
// servers at all, two servers with one port name, an unknown protocol, a port out of range, targetPort.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { listAt, recordAt, stringAt } from './lib/go-values';
import { portProblem, protocolProblem, targetPortProblem } from './lib/istio-values';

export const rule: DocumentRule = {
  meta: {
    id: 'gateway-servers-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Gateway the webhook rejects: no servers, a port name used twice, an unknown protocol or a bad port.',
    fixable: false,
  },
  kinds: ['networking.istio.io/Gateway'],
  check(ctx) {
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
