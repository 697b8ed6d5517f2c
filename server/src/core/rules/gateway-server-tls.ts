// Gateway server TLS as Istio's webhook checks it: HTTPS and TLS ports need a `tls` block, other
// ports may not terminate TLS, and the `tls` block itself must be consistent for its mode.
import type { DocumentRule } from './lib/rule';
import { gatewayServers } from './lib/gateway-servers';
import { serverTlsMode, serverTlsProblems } from './lib/server-tls-options';
import { asRecord } from '../resources';
import { stringAt } from './lib/go-values';

const HTTP_FAMILY = ['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB'];
const TLS_FAMILY = ['HTTPS', 'TLS'];
const OTHER = ['TCP', 'UDP', 'MONGO', 'REDIS', 'MYSQL'];

export const rule: DocumentRule = {
  meta: {
    id: 'gateway-server-tls',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Gateway server has TLS settings its port or mode does not allow, or an HTTPS/TLS port with no tls block.',
    fixable: false,
  },
  kinds: ['networking.istio.io/Gateway'],
  check(ctx) {
    const servers = asRecord(ctx.value.spec)?.servers;
    for (const server of gatewayServers(ctx)) {
      const raw = Array.isArray(servers) ? asRecord(servers[server.index]) : undefined;
      const port = asRecord(raw?.port);
      const tls = server.tls;
      const p = server.protocol;
      if (tls?.httpsRedirect === true && port && !HTTP_FAMILY.includes(p)) {
        ctx.report({
          path: [...server.path, 'tls', 'httpsRedirect'],
          on: 'key',
          severity: 'warning',
          message: `httpsRedirect only acts on plain-HTTP servers; on this ${p || 'unnamed-protocol'} server it does nothing (Istio's webhook warns). Remove it here and put it on the port 80 HTTP server.`,
        });
      }
      if (tls) {
        for (const problem of serverTlsProblems(tls)) {
          ctx.report({
            path: [...server.path, 'tls', ...problem.at],
            on: problem.on,
            severity: problem.severity,
            message: problem.message,
          });
        }
      }
      // Istio compares protocol and TLS only when the port itself is valid.
      const number = port?.number;
      const portValid =
        port && [...HTTP_FAMILY, ...TLS_FAMILY, ...OTHER].includes(p) && stringAt(port, 'name') !== '' && typeof number === 'number';
      if (!portValid) continue;
      if (TLS_FAMILY.includes(p) && !tls) {
        ctx.report({
          path: [...server.path, 'port', 'protocol'],
          message: `Istio's webhook rejects an ${p} server without a tls block. Add tls with mode SIMPLE and credentialName (the Secret holding the certificate), or mode PASSTHROUGH to forward TLS untouched.`,
        });
        continue;
      }
      if (!tls || TLS_FAMILY.includes(p)) continue;
      const mode = serverTlsMode(tls);
      const passthrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
      const files = ['caCertificates', 'privateKey', 'serverCertificate'].some((k) => stringAt(tls, k) !== '');
      if (HTTP_FAMILY.includes(p) && passthrough && !files) continue; // the httpsRedirect-only block
      ctx.report({
        path: [...server.path, 'tls'],
        on: 'key',
        message: HTTP_FAMILY.includes(p)
          ? `Istio's webhook rejects TLS settings on a plain ${p} server: only httpsRedirect belongs here. To serve TLS, set the port protocol to HTTPS.`
          : `Istio's webhook rejects TLS settings on a ${p} server. Set the port protocol to TLS (or HTTPS) to terminate or pass through TLS, or remove the tls block.`,
      });
    }
  },
};
