// The match conditions of a VirtualService HTTP route as Istio's webhook checks them
// (validateHTTPRouteMatchRequest, validateStringMatch, ValidateHTTPHeaderNameOrJwtClaimRoute).
// Regex syntax is virtual-service-invalid's; gateway names are checked with spec.gateways.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { listAt, recordAt } from './go-values';
import { isIstioDnsLabel } from './hostnames';
import { isHeaderToken, isJwtClaimKey, numberAt, webhookPortProblem, type HttpProblem } from './vs-http-values';
import { labelMapProblems } from './istio-values';

const PSEUDO_HEADERS = [':method', ':scheme', ':authority', ':path', ':status'];

/** An empty prefix (or, where `prefixMayBeEmpty`, only an empty regex) in a StringMatch. */
function stringMatchProblem(match: unknown, path: PathSegment[], where: string, prefixMayBeEmpty = false): HttpProblem[] {
  const sm = asRecord(match);
  if (!sm) return [];
  if (!prefixMayBeEmpty && sm.prefix === '') {
    return [
      {
        path: [...path, 'prefix'],
        on: 'value',
        message: `The webhook rejects an empty prefix in ${where} ("prefix string match should not be empty"). Write the prefix, or remove the condition to match any value.`,
      },
    ];
  }
  if (sm.regex === '') {
    return [
      {
        path: [...path, 'regex'],
        on: 'value',
        message: `The webhook rejects an empty regex in ${where} ("regex string match should not be empty"). Write the pattern, or remove the condition to match any value.`,
      },
    ];
  }
  return [];
}

function headerNameProblem(name: string, path: PathSegment[]): HttpProblem[] {
  if (isJwtClaimKey(name) || PSEUDO_HEADERS.includes(name) || isHeaderToken(name)) return [];
  return [
    {
      path,
      on: 'key',
      message:
        name === ''
          ? 'The webhook rejects an empty header name ("header name cannot be empty"). Write the header to match.'
          : `The webhook rejects the header name "${name}": "is not a valid header name". Header names have no spaces, colons or quotes; ` +
            'for a JWT claim write @request.auth.claims.<name>.',
    },
  ];
}

/** Every check the webhook makes on `match[]` of one route; `gatewayBound` as ValidateVirtualService's isGateway. */
export function matchProblems(route: Record<string, unknown>, path: PathSegment[], gatewayBound: boolean): HttpProblem[] {
  const out: HttpProblem[] = [];
  listAt(route, 'match').forEach((item, i) => {
    const match = asRecord(item);
    if (!match) return;
    const at: PathSegment[] = [...path, 'match', i];
    for (const [name, header] of Object.entries(recordAt(match, 'headers') ?? {})) {
      if (header === null) {
        out.push({
          path: [...at, 'headers', name],
          on: 'key',
          message: `The webhook rejects a header match with no value ("header match ${name} cannot be null"). Write exact:, prefix: or regex: under it.`,
        });
      }
      out.push(...headerNameProblem(name, [...at, 'headers', name]));
      out.push(...stringMatchProblem(header, [...at, 'headers', name], `headers.${name}`));
    }
    for (const [name, header] of Object.entries(recordAt(match, 'withoutHeaders') ?? {})) {
      out.push(...headerNameProblem(name, [...at, 'withoutHeaders', name]));
      // `regex: "*"` is not a pattern here: it stands for "header present".
      if (asRecord(header)?.regex !== '*')
        out.push(...stringMatchProblem(header, [...at, 'withoutHeaders', name], `withoutHeaders.${name}`));
    }
    out.push(...stringMatchProblem(match.uri, [...at, 'uri'], 'uri', true));
    for (const field of ['scheme', 'method', 'authority']) out.push(...stringMatchProblem(match[field], [...at, field], field));
    for (const [name, qp] of Object.entries(recordAt(match, 'queryParams') ?? {})) {
      out.push(...stringMatchProblem(qp, [...at, 'queryParams', name], `queryParams.${name}`));
    }
    const port = numberAt(match, 'port');
    const portText = port !== undefined && port !== 0 ? webhookPortProblem(port, 'the match port') : undefined;
    if (portText) out.push({ path: [...at, 'port'], on: 'value', message: portText });
    const labels = recordAt(match, 'sourceLabels');
    if (labels) out.push(...labelMapProblems(labels, [...at, 'sourceLabels'], 'source'));
    const ns = match.sourceNamespace;
    if (typeof ns === 'string' && ns !== '' && !isIstioDnsLabel(ns)) {
      out.push({
        path: [...at, 'sourceNamespace'],
        on: 'value',
        message: `The webhook rejects sourceNamespace "${ns}": "sourceNamespace match is invalid". Write a namespace name (a DNS label such as shop).`,
      });
    }
    if (!gatewayBound) {
      for (const field of ['headers', 'withoutHeaders']) {
        for (const name of Object.keys(recordAt(match, field) ?? {})) {
          if (!isJwtClaimKey(name)) continue;
          out.push({
            path: [...at, field, name],
            on: 'key',
            message:
              `The webhook rejects the JWT claim match "${name}" here: "JWT claim based routing is only supported for gateway". ` +
              'Bind the VirtualService to an ingress gateway in spec.gateways (without "mesh"), or match a header the client sends.',
          });
        }
      }
    }
  });
  return out;
}
