// What Istio's ValidateSidecar webhook rejects (and warns about) outside ingress TLS: an empty Sidecar,
// listener ports, binds and default endpoints, the catch-all egress listener, and the egress proxy.
import type { DocumentRule, DocContext } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { isNetipAddr } from '../ip-address';
import { hasItems, isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { HTTP_PROTOCOLS, portProblem, protocolProblem, targetPortProblem } from './lib/istio-values';
import { egressHostProblems } from './lib/sidecar-egress-hosts';
import { isIstioDnsLabel, unixSocketProblem } from './lib/hostnames';

const LOOPBACK_OR_ANY = ['127.0.0.1', '0.0.0.0', '::1', '::'];

export const rule: DocumentRule = {
  meta: {
    id: 'sidecar-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'A Sidecar the webhook rejects outside ingress TLS: nothing configured, bad listener ports or binds, a misplaced catch-all egress.',
    fixable: false,
  },
  kinds: ['networking.istio.io/Sidecar'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    if (
      !hasItems(spec, 'egress') &&
      !hasItems(spec, 'ingress') &&
      !isSet(spec, 'outboundTrafficPolicy') &&
      !isSet(spec, 'inboundConnectionPool')
    ) {
      ctx.report({
        path: ['spec'],
        on: 'key',
        message:
          'The webhook rejects a Sidecar that configures nothing: "sidecar: empty configuration provided". ' +
          'Add egress hosts (e.g. ["./*", "istio-system/*"]), ingress listeners, outboundTrafficPolicy or inboundConnectionPool.',
      });
      return;
    }
    checkIngress(ctx, spec);
    checkEgress(ctx, spec);
    const traffic = recordAt(spec, 'outboundTrafficPolicy');
    const proxy = recordAt(traffic, 'egressProxy');
    if (proxy && stringAt(traffic, 'mode') !== 'ALLOW_ANY') {
      ctx.report({
        path: ['spec', 'outboundTrafficPolicy', 'egressProxy'],
        on: 'key',
        message:
          'The webhook rejects egressProxy unless mode is ALLOW_ANY: "egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode". ' +
          'Set mode: ALLOW_ANY to send unknown traffic to this proxy, or remove egressProxy (REGISTRY_ONLY blocks that traffic instead).',
      });
    } else if (proxy && !isSet(proxy, 'port')) {
      ctx.report({
        path: ['spec', 'outboundTrafficPolicy', 'egressProxy'],
        on: 'key',
        message:
          'The webhook rejects an egressProxy without a port: "egress_proxy port must be non-nil". Add port: {number: ...} of the proxy service.',
      });
    }
  },
};

/** Name, protocol, number and targetPort of a listener port; `socket` allows number 0 with a unix bind. */
function checkPort(ctx: DocContext, port: Record<string, unknown>, path: PathSegment[], socket: boolean): void {
  const name = stringAt(port, 'name');
  if (name !== '' && !isIstioDnsLabel(name)) {
    ctx.report({
      path: [...path, 'name'],
      message:
        `The webhook rejects the port name "${name}": "invalid port name". ` +
        `Use letters, digits and inner dashes, at most 63 characters (e.g. http-web).`,
    });
  }
  const protocol = protocolProblem(port.protocol);
  if (protocol) ctx.report({ path: [...path, 'protocol'], message: protocol });
  if (!(socket && port.number === 0)) {
    const problem = portProblem(port.number);
    if (problem) ctx.report({ path: [...path, 'number'], message: problem });
  }
  const target = targetPortProblem(port, path, 'Sidecars');
  if (target) ctx.report(target);
}

/** A listener with a port number binds to an IP address (agent.ValidateIPAddress); only egress port 0 takes a socket. */
function checkBind(ctx: DocContext, bind: string, path: PathSegment[]): void {
  if (bind === '' || isNetipAddr(bind)) return;
  const socket = bind.startsWith('unix://') ? ' A unix:// socket bind needs an egress listener with port number 0.' : '';
  ctx.report({
    path,
    message:
      `The webhook rejects the bind "${bind}": "${bind} is not a valid IP". ` +
      `Write an IP address such as 127.0.0.1, or leave bind out.${socket}`,
  });
}

function checkIngress(ctx: DocContext, spec: Record<string, unknown>): void {
  const seen = new Set<unknown>();
  listAt(spec, 'ingress').forEach((item, i) => {
    const listener = asRecord(item);
    const port = recordAt(listener, 'port');
    if (!listener || !port) return; // a missing port is a schema error
    const path: PathSegment[] = ['spec', 'ingress', i];
    checkPort(ctx, port, [...path, 'port'], false);
    checkBind(ctx, stringAt(listener, 'bind'), [...path, 'bind']);
    if (seen.has(port.number)) {
      ctx.report({
        path: [...path, 'port', 'number'],
        message:
          'The webhook rejects two ingress listeners on one port: "sidecar: ports on IP bound listeners must be unique". Merge them or use another port.',
      });
    }
    seen.add(port.number);
    const protocol = stringAt(port, 'protocol').toUpperCase();
    if (recordAt(recordAt(listener, 'connectionPool'), 'http') && !HTTP_PROTOCOLS.includes(protocol)) {
      ctx.report({
        path: [...path, 'connectionPool', 'http'],
        on: 'key',
        severity: 'warning',
        message:
          `The webhook warns: HTTP connection pool settings on port ${String(port.number)} ` +
          `whose protocol is not HTTP (${protocol || 'unset'}); ` +
          'only the tcp settings apply. Set the port protocol to HTTP, HTTP2 or GRPC, or move the limits to connectionPool.tcp.',
      });
    }
    const endpoint = stringAt(listener, 'defaultEndpoint');
    if (endpoint !== '' && !endpointOk(endpoint)) {
      ctx.report({
        path: [...path, 'defaultEndpoint'],
        message:
          `The webhook rejects the defaultEndpoint "${endpoint}": it must be 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port> or unix:///path. ` +
          'Point it at the port the application listens on, e.g. 127.0.0.1:8080.',
      });
    }
  });
}

/** host:port with a loopback or any-address host and a valid port, or an absolute unix socket. */
function endpointOk(endpoint: string): boolean {
  if (endpoint.startsWith('unix://')) {
    const socket = endpoint.slice('unix://'.length);
    return unixSocketProblem(socket) === undefined;
  }
  // net.SplitHostPort, then strconv.Atoi for the port, which takes a sign ("+8080" is 8080).
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):([+-]?\d+)$/.exec(endpoint);
  if (!m) return false;
  const host = m[1] ?? m[2];
  const port = Number(m[3]);
  return (host === '' || LOOPBACK_OR_ANY.includes(host)) && port >= 1 && port <= 65535;
}

function checkEgress(ctx: DocContext, spec: Record<string, unknown>): void {
  const egress = listAt(spec, 'egress');
  const ports = new Set<unknown>();
  const sockets = new Set<string>();
  let catchAll = false;
  egress.forEach((item, i) => {
    const listener = asRecord(item);
    if (!listener) return;
    const path: PathSegment[] = ['spec', 'egress', i];
    const port = recordAt(listener, 'port');
    const bind = stringAt(listener, 'bind');
    if (!port) {
      if (catchAll || i !== egress.length - 1) {
        ctx.report({
          path: [...path, 'hosts'],
          on: 'key',
          message: catchAll
            ? 'The webhook rejects a second egress listener without a port: "egress can have only one listener with empty port". Merge their hosts into one.'
            : 'The webhook rejects an egress listener without a port before others: "the egress listener with empty port should be the last listener". Move it to the end.',
        });
      }
      catchAll = catchAll || i === egress.length - 1;
    } else {
      const socket = port.number === 0;
      checkPort(ctx, port, [...path, 'port'], socket);
      if (socket && !bind.startsWith('unix://')) {
        ctx.report({
          path: [...path, 'port', 'number'],
          message:
            'The webhook rejects port 0 without a unix socket bind: "ports with 0 value must have a unix domain socket bind address". Set bind: unix:///path.sock or a real port.',
        });
      } else if (socket && unixSocketProblem(bind.slice('unix://'.length))) {
        ctx.report({
          path: [...path, 'bind'],
          message:
            `The webhook rejects the socket bind "${bind}": ${unixSocketProblem(bind.slice('unix://'.length)) ?? ''}. ` +
            `Write unix:///absolute/path.sock or unix://@name.`,
        });
      } else if (socket && sockets.has(bind)) {
        ctx.report({
          path: [...path, 'bind'],
          message: `The webhook rejects the socket ${bind} twice: "unix domain socket values for listeners must be unique".`,
        });
      } else if (!socket && ports.has(port.number)) {
        ctx.report({
          path: [...path, 'port', 'number'],
          message:
            'The webhook rejects two egress listeners on one port: "sidecar: ports on IP bound listeners must be unique". Merge their hosts into one listener.',
        });
      }
      const captureMode = stringAt(listener, 'captureMode');
      if (socket && captureMode !== '' && captureMode !== 'DEFAULT' && captureMode !== 'NONE') {
        ctx.report({
          path: [...path, 'captureMode'],
          message:
            `The webhook rejects captureMode ${captureMode} on a unix socket listener: ` +
            `"captureMode must be DEFAULT/NONE for unix domain socket listeners". Write NONE or DEFAULT, or leave it out.`,
        });
      }
      if (socket) sockets.add(bind);
      else ports.add(port.number);
      if (!socket) checkBind(ctx, bind, [...path, 'bind']);
    }
    const namespace = stringAt(recordAt(ctx.value, 'metadata'), 'namespace');
    for (const p of egressHostProblems(listAt(listener, 'hosts'), [...path, 'hosts'], namespace || 'default')) ctx.report(p);
    if (Array.isArray(listener.hosts) && listener.hosts.length === 0) {
      ctx.report({
        path: [...path, 'hosts'],
        message:
          'The webhook rejects an egress listener without hosts: "egress listener must contain at least one host". List them, e.g. ["./*", "istio-system/*"].',
      });
    }
  });
}
