// Gateway name, server host and bind syntax as Istio's ValidateGateway, validateServer and validateServerBind
// check it (pkg/config/validation/validation.go; host rules from agent.ValidateNamespaceSlashWildcardHostname).
import type { PathSegment } from '../../locate';
import { isNetipAddr } from '../../ip-address';
import { listAt, recordAt, stringAt } from './go-values';
import { isIstioDnsLabel, namespaceSlashHostProblem, unixSocketProblem } from './hostnames';
import type { Problem } from './istio-values';

/** The webhook wants the Gateway's own name to be a DNS label: no dots (labels.IsDNS1123Label). */
export function gatewayNameProblem(doc: Record<string, unknown>): Problem | undefined {
  const name = stringAt(recordAt(doc, 'metadata'), 'name');
  if (name === '' || isIstioDnsLabel(name)) return undefined;
  return {
    path: ['metadata', 'name'],
    on: 'value',
    message:
      `The webhook rejects the Gateway name "${name}": "invalid gateway name"; it must be a DNS label ` +
      '(letters, digits and inner "-", at most 63 characters, no dots). Write e.g. ' +
      `${
        name
          .replace(/[^a-zA-Z0-9-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 63) || 'public-gateway'
      }.`,
  };
}

/** Each host as namespace/host (or the older bare host), and the bind: an IP address or a unix socket with port 0. */
export function serverHostAndBindProblems(server: Record<string, unknown> | undefined, path: PathSegment[]): Problem[] {
  const out: Problem[] = [];
  listAt(server, 'hosts').forEach((host, i) => {
    const problem = typeof host === 'string' ? namespaceSlashHostProblem(host, { gateway: true }) : undefined;
    if (!problem) return;
    out.push({
      path: [...path, 'hosts', i],
      on: 'value',
      message:
        `The webhook rejects the server host "${String(host)}": ${problem}. Write namespace/host such as ` +
        '"./shop.example.com" or "*/*.example.com", or a bare host name (an IPv4 address is accepted too).',
    });
  });
  const bind = stringAt(server, 'bind');
  if (bind.startsWith('unix://')) {
    const socket = unixSocketProblem(bind.slice('unix://'.length));
    if (socket) {
      out.push({
        path: [...path, 'bind'],
        on: 'value',
        message: `The webhook rejects the bind "${bind}": ${socket}. Write unix:///absolute/path.sock or unix://@abstract-name.`,
      });
    }
    const port = recordAt(server, 'port');
    if (typeof port?.number === 'number' && port.number !== 0) {
      out.push({
        path: [...path, 'port', 'number'],
        on: 'value',
        message:
          `The webhook rejects port ${port.number} with a unix socket bind: ` +
          `"port number must be 0 for unix domain socket". Write number: 0.`,
      });
    }
  } else if (bind !== '' && !isNetipAddr(bind)) {
    out.push({
      path: [...path, 'bind'],
      on: 'value',
      message:
        `The webhook rejects the bind "${bind}": "${bind} is not a valid IP". ` +
        `Write an IP address such as 0.0.0.0, or unix:///path.sock.`,
    });
  }
  return out;
}
