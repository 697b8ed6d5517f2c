// What the ServiceEntry CRD's CEL rules and Istio's ValidateServiceEntry webhook reject (and warn about):
// hosts, addresses against resolution, endpoints against resolution, and the ports list.
import type { DocumentRule, DocContext } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { isNetipAddr } from '../ip-address';
import { isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { duplicates, portProblem, protocolProblem, workloadProblems } from './lib/istio-values';
import { setValueFix } from './lib/fix-edits';
import { serviceEntryWebhookProblems } from './lib/service-entry-webhook';
import { isIstioDnsLabel } from './lib/hostnames';

const CIDR_RESOLUTIONS = ['NONE', 'STATIC'];
const HTTP_OR_TLS = ['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB', 'HTTPS', 'TLS'];

export const rule: DocumentRule = {
  meta: {
    id: 'service-entry-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A ServiceEntry the API server rejects: a "*" host, endpoints that do not fit the resolution, or bad ports.',
    fixable: true,
  },
  kinds: ['networking.istio.io/ServiceEntry'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    const resolution = stringAt(spec, 'resolution') || 'NONE';
    checkHosts(ctx, spec, resolution);
    checkEndpoints(ctx, spec, resolution);
    checkPorts(ctx, spec);
    for (const p of serviceEntryWebhookProblems(spec, resolution)) ctx.report(p);
    if (resolution !== 'NONE' && listAt(spec, 'hosts').length > 1) {
      const plain = listAt(spec, 'ports').findIndex((p) => !HTTP_OR_TLS.includes(stringAt(asRecord(p), 'protocol').toUpperCase()));
      if (plain >= 0) {
        ctx.report({
          path: ['spec', 'ports', plain, ...(isSet(asRecord(listAt(spec, 'ports')[plain]), 'protocol') ? ['protocol'] : [])],
          on: 'key',
          message:
            `The API server rejects several hosts with a port that is not HTTP or TLS when resolution is ${resolution}: ` +
            '"multiple hosts provided with non-HTTP, non-TLS ports" (plain TCP carries no host name to tell them apart). ' +
            'Write one ServiceEntry per host, or set protocol: HTTP, HTTPS or TLS on the port.',
        });
      }
    }
  },
};

function checkHosts(ctx: DocContext, spec: Record<string, unknown>, resolution: string): void {
  const dnsWithoutEndpoints = (resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && listAt(spec, 'endpoints').length === 0;
  listAt(spec, 'hosts').forEach((host, i) => {
    if (host === '*') {
      ctx.report({
        path: ['spec', 'hosts', i],
        message:
          'The API server rejects the host "*": "hostname cannot be wildcard". Name the external host, e.g. api.example.com, ' +
          "or a domain wildcard such as *.example.com; to let all outbound traffic through, use the mesh's outboundTrafficPolicy instead.",
      });
    } else if (dnsWithoutEndpoints && typeof host === 'string' && host.includes('*')) {
      ctx.report({
        path: ['spec', 'hosts', i],
        message:
          `The API server rejects "${host}" with resolution ${resolution} and no endpoints: "hosts must be FQDN if no endpoints are provided". ` +
          'DNS resolution needs a name it can look up: write the full host name, list endpoints, or use resolution: NONE for a wildcard.',
      });
    }
  });
  if (CIDR_RESOLUTIONS.includes(resolution)) return;
  listAt(spec, 'addresses').forEach((address, i) => {
    if (typeof address !== 'string' || !address.includes('/')) return;
    ctx.report({
      path: ['spec', 'addresses', i],
      message:
        `The API server rejects the CIDR ${address} with resolution ${resolution}: "CIDR addresses are allowed only for NONE/STATIC resolution types". ` +
        'Write single IP addresses, or use resolution: NONE (or STATIC with endpoints) for a range.',
    });
  });
}

function checkEndpoints(ctx: DocContext, spec: Record<string, unknown>, resolution: string): void {
  const endpoints = listAt(spec, 'endpoints');
  if (isSet(spec, 'workloadSelector') && isSet(spec, 'endpoints')) {
    ctx.report({
      path: ['spec', 'endpoints'],
      on: 'key',
      message:
        'The API server rejects endpoints together with workloadSelector: "only one of WorkloadSelector or Endpoints can be set". ' +
        'Keep workloadSelector to select pods and WorkloadEntries by label, or endpoints to list addresses; not both.',
    });
  }
  if (resolution === 'NONE' && isSet(spec, 'endpoints')) {
    const allIps = endpoints.every((e) => isNetipAddr(stringAt(asRecord(e), 'address')));
    const fix =
      spec.resolution === 'NONE' && allIps
        ? setValueFix(ctx, ['spec', 'resolution'], 'STATIC', 'Set resolution to STATIC', false)
        : undefined;
    ctx.report({
      path: ['spec', 'endpoints'],
      on: 'key',
      message:
        'The API server rejects endpoints when resolution is NONE (the default): "NONE mode cannot set endpoints". ' +
        'Set resolution: STATIC for IP endpoints or DNS for host names, or remove endpoints to send traffic to the address the client asked for.',
      fixes: fix ? [fix] : undefined,
    });
  }
  if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) {
    const fix = setValueFix(ctx, ['spec', 'resolution'], 'DNS', 'Set resolution to DNS', false);
    ctx.report({
      path: ['spec', 'endpoints', 1],
      message:
        'The API server rejects more than one endpoint with resolution DNS_ROUND_ROBIN: "DNS_ROUND_ROBIN mode cannot have multiple endpoints". ' +
        'Use resolution: DNS to resolve each endpoint, or keep one endpoint.',
      fixes: fix ? [fix] : undefined,
    });
  }
  const portNames = new Set(listAt(spec, 'ports').map((p) => stringAt(asRecord(p), 'name')));
  endpoints.forEach((item, i) => {
    const endpoint = asRecord(item);
    if (!endpoint) return;
    const path: PathSegment[] = ['spec', 'endpoints', i];
    for (const p of workloadProblems(endpoint, path, true)) ctx.report(p);
    const address = stringAt(endpoint, 'address');
    if (resolution === 'STATIC' && address !== '' && !address.startsWith('unix://') && !isNetipAddr(address)) {
      ctx.report({
        path: [...path, 'address'],
        message: `The API server rejects "${address}" with resolution STATIC: "endpoint address is not a valid IP address". Write an IP address, or use resolution: DNS for host names.`,
      });
    }
    if (resolution === 'NONE') return; // the webhook looks no further at endpoints it already refused
    for (const name of Object.keys(recordAt(endpoint, 'ports') ?? {})) {
      if (portNames.has(name)) continue;
      ctx.report({
        path: [...path, 'ports', name],
        on: 'key',
        message: `The API server rejects the endpoint port "${name}": "endpoint port is not defined by the service entry". Use the name of one of spec.ports (${[...portNames].join(', ') || 'none defined'}).`,
      });
    }
  });
}

function checkPorts(ctx: DocContext, spec: Record<string, unknown>): void {
  const ports = spec.ports;
  for (const d of duplicates(ports, 'name')) {
    ctx.report({
      path: ['spec', 'ports', d.index, 'name'],
      message: `The API server rejects a second port named "${d.value}" ("Duplicate value"): port names are the list's key. Give each port its own name, e.g. ${String(d.value)}-2.`,
    });
  }
  for (const d of duplicates(ports, 'number')) {
    ctx.report({
      path: ['spec', 'ports', d.index, 'number'],
      message: `The API server rejects port ${d.value} a second time: "port number cannot be duplicated". List each port number once.`,
    });
  }
  listAt(spec, 'ports').forEach((item, i) => {
    const port = asRecord(item);
    if (!port) return;
    const path: PathSegment[] = ['spec', 'ports', i];
    for (const field of ['number', 'targetPort']) {
      const problem = portProblem(port[field], field === 'number' ? 'port' : 'targetPort');
      if (problem) ctx.report({ path: [...path, field], message: problem });
    }
    const name = port.name;
    if (typeof name === 'string' && name !== '' && !isIstioDnsLabel(name)) {
      ctx.report({
        path: [...path, 'name'],
        message:
          `The API server rejects the port name "${name}": "invalid port name". ` +
          `Use letters, digits and inner dashes, at most 63 characters (e.g. https-api).`,
      });
    }
    const protocol = protocolProblem(port.protocol);
    if (protocol) ctx.report({ path: [...path, 'protocol'], message: protocol });
  });
}
