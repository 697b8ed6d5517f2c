// The ServiceEntry checks of Istio's ValidateServiceEntry that read host, address and label syntax, and its
// warnings about partial wildcards, a workloadSelector outside STATIC, and several hosts sharing TCP addresses.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { isNetipAddr } from '../../ip-address';
import { isSet, listAt, stringAt } from './go-values';
import { fqdnProblem, ipSubnetProblem, partialWildcardProblem, wildcardDomainProblem } from './hostnames';
import { HTTP_PROTOCOLS, labelMapProblems, type Problem } from './istio-values';

/** protocol.Parse(...).IsTLS(); with IsHTTP, what the webhook accepts with several hosts. */
const TLS_PROTOCOLS = ['HTTPS', 'TLS'];
const DNS_RESOLUTIONS = ['DNS', 'DNS_ROUND_ROBIN'];

export function serviceEntryWebhookProblems(spec: Record<string, unknown>, resolution: string): Problem[] {
  return [...hostProblems(spec), ...addressProblems(spec), ...endpointProblems(spec, resolution), ...warnings(spec, resolution)];
}

function hostProblems(spec: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  listAt(spec, 'hosts').forEach((host, i) => {
    if (typeof host !== 'string' || host === '*') return; // "*" has its own finding
    const path: PathSegment[] = ['spec', 'hosts', i];
    const problem = wildcardDomainProblem(host);
    if (problem) {
      out.push({
        path,
        on: 'value',
        message:
          `The webhook rejects the host "${host}": ${problem}. ` +
          `Write a DNS name such as api.example.com, or *.example.com for a whole domain.`,
      });
      return;
    }
    const partial = partialWildcardProblem(host);
    if (partial) {
      out.push({
        path,
        on: 'value',
        severity: 'warning',
        message: `The webhook warns: ${partial}. Write *.example.com to cover every name under a domain, or name the host exactly.`,
      });
    }
  });
  return out;
}

function addressProblems(spec: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  listAt(spec, 'addresses').forEach((address, i) => {
    const problem = typeof address === 'string' ? ipSubnetProblem(address) : undefined;
    if (!problem) return;
    out.push({
      path: ['spec', 'addresses', i],
      on: 'value',
      message:
        `The webhook rejects the address: ${problem}. ` +
        `Write an IP address (10.0.0.5) or a CIDR block (10.0.0.0/24); names belong in hosts.`,
    });
  });
  return out;
}

function endpointProblems(spec: Record<string, unknown>, resolution: string): Problem[] {
  const out: Problem[] = [];
  if (resolution === 'NONE') return out; // endpoints are refused outright there
  listAt(spec, 'endpoints').forEach((item, i) => {
    const endpoint = asRecord(item);
    if (!endpoint) return;
    const path: PathSegment[] = ['spec', 'endpoints', i];
    const address = stringAt(endpoint, 'address');
    // With no address and no network the CRD's "Address is required" finding already covers it.
    const unreported = address !== '' || stringAt(endpoint, 'network') !== '';
    const problem = isNetipAddr(address) ? undefined : fqdnProblem(address);
    if (DNS_RESOLUTIONS.includes(resolution) && problem && unreported) {
      out.push({
        path: address === '' ? path : [...path, 'address'],
        on: address === '' ? 'key' : 'value',
        message:
          `With resolution ${resolution} the webhook rejects the endpoint address "${address}": ` +
          `"not a valid FQDN or an IP address" (${problem}). ` +
          'Write an IP address or a DNS name such as vm1.example.com.',
      });
    }
    out.push(...labelMapProblems(endpoint.labels, [...path, 'labels'], 'endpoint'));
  });
  return out;
}

function warnings(spec: Record<string, unknown>, resolution: string): Problem[] {
  const out: Problem[] = [];
  if (isSet(spec, 'workloadSelector') && resolution !== 'STATIC') {
    out.push({
      path: ['spec', 'workloadSelector'],
      on: 'key',
      severity: 'warning',
      message:
        `The webhook warns: "workloadSelector should not be set when resolution mode is ${resolution}". ` +
        'Istio sends traffic to the selected workloads only with resolution STATIC; set resolution: STATIC, or remove workloadSelector.',
    });
  }
  const protocols = listAt(spec, 'ports').map((p) => stringAt(asRecord(p), 'protocol').toUpperCase());
  // Ports outside HTTP and TLS already make the webhook reject several hosts; the warning adds something only for TLS.
  const sharedTls =
    protocols.every((p) => HTTP_PROTOCOLS.includes(p) || TLS_PROTOCOLS.includes(p)) && protocols.some((p) => TLS_PROTOCOLS.includes(p));
  if (DNS_RESOLUTIONS.includes(resolution) && listAt(spec, 'hosts').length > 1 && listAt(spec, 'addresses').length > 0 && sharedTls) {
    out.push({
      path: ['spec', 'addresses'],
      on: 'key',
      severity: 'warning',
      message:
        'The webhook warns: "service entry can not have more than one host specified simultaneously with address and tcp port". ' +
        'Connections to these addresses cannot tell the hosts apart; write one ServiceEntry per host, or remove addresses.',
    });
  }
  return out;
}
