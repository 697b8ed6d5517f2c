// TLS on a Sidecar ingress listener, as Istio's webhook checks it: only certificate files (no
// Secrets), no mesh or passthrough modes, an HTTPS/TLS port, and complete files for the mode.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { hasItems, listAt, recordAt, stringAt } from './lib/go-values';
import { serverTlsMode, serverTlsProblems } from './lib/server-tls-options';

const UNSUPPORTED: { key: string; why: string }[] = [
  { key: 'credentialName', why: 'a sidecar cannot read Secrets; mount the certificate and name it in serverCertificate and privateKey' },
  { key: 'credentialNames', why: 'a sidecar cannot read Secrets; mount the certificate and name it in serverCertificate and privateKey' },
  { key: 'tlsCertificates', why: 'give one pair in serverCertificate and privateKey instead' },
  { key: 'subjectAltNames', why: 'client identities cannot be pinned on a sidecar listener; remove it' },
  { key: 'httpsRedirect', why: 'a sidecar listener does not redirect; remove it' },
];

export const rule: DocumentRule = {
  meta: {
    id: 'sidecar-ingress-tls',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'TLS on a Sidecar ingress listener uses a field or mode Istio rejects there, or lacks the certificate files its mode needs.',
    fixable: false,
  },
  kinds: ['networking.istio.io/Sidecar'],
  check(ctx) {
    listAt(recordAt(ctx.value, 'spec'), 'ingress').forEach((item, i) => {
      const listener = asRecord(item);
      const tls = recordAt(listener, 'tls');
      const port = recordAt(listener, 'port');
      if (!tls || !port) return; // a listener without a port is rejected before its TLS is read
      const base: PathSegment[] = ['spec', 'ingress', i, 'tls'];
      const rejected = new Set<string>();
      for (const { key, why } of UNSUPPORTED) {
        const set = key === 'httpsRedirect' ? tls[key] === true : typeof tls[key] === 'string' ? tls[key] !== '' : hasItems(tls, key);
        if (!set) continue;
        rejected.add(key);
        ctx.report({ path: [...base, key], on: 'key', message: `Istio's webhook rejects ${key} on a Sidecar ingress listener: ${why}.` });
      }
      const mode = serverTlsMode(tls);
      if (mode === 'ISTIO_MUTUAL' || mode === 'AUTO_PASSTHROUGH') {
        ctx.report({
          path: [...base, 'mode'],
          message: `Istio's webhook rejects mode ${mode} on a Sidecar ingress listener. Use SIMPLE or MUTUAL with your own certificate files; mesh mTLS needs no tls block at all.`,
        });
      }
      const protocol = stringAt(port, 'protocol').toUpperCase();
      if (protocol !== 'HTTPS' && protocol !== 'TLS') {
        ctx.report({
          path: ['spec', 'ingress', i, 'port', 'protocol'],
          message: `Istio's webhook rejects TLS settings on a ${protocol || 'protocol-less'} port. Set the port protocol to HTTPS (or TLS) when the listener terminates TLS.`,
        });
      }
      for (const problem of serverTlsProblems(tls)) {
        // A field a sidecar never takes is reported once, above, whatever else the shared checks say about it.
        if (problem.at.length === 1 && rejected.has(String(problem.at[0]))) continue;
        ctx.report({ path: [...base, ...problem.at], on: problem.on, severity: problem.severity, message: problem.message });
      }
      for (const missing of missingFiles(tls, mode)) {
        ctx.report({
          path: [...base, 'mode'],
          message: `${mode} TLS on this listener needs ${missing}, which Istio's webhook requires because a sidecar can only use mounted files. Add the path of the file inside the proxy.`,
        });
      }
    });
  },
};

/** The file fields a terminating mode still lacks when no Secret is named (Secrets are reported above). */
function missingFiles(tls: Record<string, unknown>, mode: string): string[] {
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL' && mode !== 'OPTIONAL_MUTUAL') return [];
  if (stringAt(tls, 'credentialName') !== '' || hasItems(tls, 'credentialNames')) return [];
  const out: string[] = [];
  if (mode !== 'SIMPLE' && stringAt(tls, 'caCertificates') === '') out.push('caCertificates (the CA that signs client certificates)');
  const pairs = hasItems(tls, 'tlsCertificates') ? listAt(tls, 'tlsCertificates').map((p) => asRecord(p) ?? {}) : [tls];
  for (const pair of pairs) {
    if (stringAt(pair, 'serverCertificate') === '') out.push('serverCertificate');
    if (stringAt(pair, 'privateKey') === '') out.push('privateKey');
  }
  return [...new Set(out)];
}
