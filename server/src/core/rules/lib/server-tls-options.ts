// The checks Istio's webhook makes on a server-side `tls` block (ServerTLSSettings), which Gateway
// servers and Sidecar ingress listeners share: which fields each mode allows, one certificate
// source, CRL use, cipher suites. Each problem says where under the `tls` map it belongs.
import type { PathSegment } from '../../locate';
import type { Severity } from '../../types';
import { hasItems, stringAt } from './go-values';

export interface TlsProblem {
  /** Path below the `tls` map; [] means the map itself. */
  at: PathSegment[];
  on: 'key' | 'value';
  severity: Severity;
  message: string;
}

/** An absent mode is PASSTHROUGH: it is the first value of the protobuf enum. */
export function serverTlsMode(tls: Record<string, unknown>): string {
  return stringAt(tls, 'mode') || 'PASSTHROUGH';
}

/** Cipher suites Envoy's BoringSSL accepts on a server (names as Istio lists them). */
const VALID_CIPHERS = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
]);

/** Istio lets through "", ALL and anything starting with an operator such as "-" or "+". */
function cipherAccepted(name: string): boolean {
  if (name === '' || name === 'ALL' || !/^[\p{L}\p{N}]/u.test(name)) return true;
  return VALID_CIPHERS.has(name);
}

const FILE_FIELDS = ['serverCertificate', 'privateKey', 'caCertificates'];

/**
 * Problems Istio's validateTLSOptions reports for this `tls` map, except the "requires a server
 * certificate / private key / client CA" ones, which the callers word for their own kind.
 */
export function serverTlsProblems(tls: Record<string, unknown>): TlsProblem[] {
  const out: TlsProblem[] = [];
  const mode = serverTlsMode(tls);
  const filled = (k: string): boolean => stringAt(tls, k) !== '';
  cipherProblems(tls, out);
  if (mode === 'ISTIO_MUTUAL') {
    for (const k of [...FILE_FIELDS, 'tlsCertificates', 'credentialName', 'credentialNames']) {
      if (k === 'tlsCertificates' || k === 'credentialNames' ? !hasItems(tls, k) : !filled(k)) continue;
      out.push({
        at: [k],
        on: 'key',
        severity: 'error',
        message: `Istio's webhook rejects ${k} with ISTIO_MUTUAL: that mode always uses the workload's mesh certificate. Remove ${k}, or switch the mode to SIMPLE or MUTUAL to serve your own certificate.`,
      });
    }
    return out;
  }
  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
    const used = [...FILE_FIELDS, 'caCrl', 'credentialName'].filter(filled);
    for (const k of ['tlsCertificates', 'credentialNames']) if (hasItems(tls, k)) used.push(k);
    if (used.length > 0) {
      out.push({
        at: [used[0]],
        on: 'key',
        severity: 'warning',
        message: `${mode} forwards the encrypted stream untouched, so ${used.join(', ')} ${used.length > 1 ? 'are' : 'is'} ignored (Istio's webhook warns). To terminate TLS here set mode: SIMPLE (or MUTUAL); otherwise remove the certificate settings.`,
      });
    }
  }
  const sources = [
    filled('credentialName') ? 'credentialName' : '',
    hasItems(tls, 'credentialNames') ? 'credentialNames' : '',
    filled('serverCertificate') && filled('privateKey') ? 'serverCertificate/privateKey' : '',
    hasItems(tls, 'tlsCertificates') ? 'tlsCertificates' : '',
  ].filter((s) => s !== '');
  if (sources.length > 1) {
    const extra = sources[1].split('/')[0];
    out.push({
      at: [extra],
      on: 'key',
      severity: 'error',
      message: `Istio's webhook rejects more than one certificate source (${sources.join(' and ')}). Keep one: credentialName, naming a Secret such as a cert-manager Certificate's secretName, is the usual choice.`,
    });
  }
  const byName = filled('credentialName') || hasItems(tls, 'credentialNames');
  const terminating = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  if (filled('caCrl') && !(terminating && byName)) {
    if (filled('credentialName')) {
      out.push({
        at: ['caCrl'],
        on: 'key',
        severity: 'error',
        message:
          "Istio's webhook rejects caCrl together with credentialName: the revocation list must travel in the Secret (as ca.crl). Remove caCrl.",
      });
    }
    if (mode === 'SIMPLE') {
      out.push({
        at: ['caCrl'],
        on: 'key',
        severity: 'error',
        message:
          "Istio's webhook rejects caCrl with SIMPLE TLS: a revocation list checks client certificates, which SIMPLE never asks for. Remove caCrl, or use mode: MUTUAL with caCertificates.",
      });
    }
  }
  return out;
}

function cipherProblems(tls: Record<string, unknown>, out: TlsProblem[]): void {
  const suites = tls.cipherSuites;
  if (!Array.isArray(suites)) return;
  const seen = new Set<string>();
  suites.forEach((s, i) => {
    if (typeof s !== 'string') return;
    if (!cipherAccepted(s)) {
      out.push({
        at: ['cipherSuites', i],
        on: 'value',
        severity: 'warning',
        message: `"${s}" is not a cipher suite Envoy knows, so Istio drops it (its webhook warns). Use an OpenSSL name such as ECDHE-ECDSA-AES128-GCM-SHA256, or remove cipherSuites to keep the safe defaults.`,
      });
    } else if (seen.has(s)) {
      out.push({
        at: ['cipherSuites', i],
        on: 'value',
        severity: 'warning',
        message: `"${s}" is listed twice; Istio ignores the repeat (its webhook warns). Remove this entry.`,
      });
    }
    seen.add(s);
  });
}
