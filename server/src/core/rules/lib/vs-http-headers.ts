// Header operations, the authority rewrite and the CORS policy of a VirtualService HTTP route, as
// Istio's webhook checks them (validateHTTPRoute, validateAuthorityRewrite, validateCORSPolicy).
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { parseDurationNanos } from '../../duration';
import { listAt, recordAt, stringAt } from './go-values';
import { headerValueProblem, isHeaderToken, type HttpProblem } from './vs-http-values';

const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*'];

const isAuthority = (name: string): boolean => name.toLowerCase() === ':authority' || name.toLowerCase() === 'host';

/** Why a header name may not be added, set or removed there, or undefined. */
function operationNameProblem(name: string, requestAddOrSet: boolean): string | undefined {
  if (name === '') return 'an empty header name ("header name cannot be empty"); write the header to change';
  if (requestAddOrSet) {
    if ((name.startsWith(':') || name.toLowerCase() === 'host') && !isAuthority(name)) {
      return `the pseudo-header "${name}" ("header cannot have ":" prefix"); Envoy does not let routes change it`;
    }
    return undefined;
  }
  if (name.toLowerCase() === 'host') {
    return `"${name}" here ("cannot set Host header"); to change the authority, use rewrite.authority or headers.request.set`;
  }
  if (name.startsWith(':')) return `the pseudo-header "${name}" ("header cannot have ":" prefix"); Envoy does not let routes change it`;
  return undefined;
}

/** `headers.request` and `headers.response`: names and values of add, set and remove. */
export function headerOperationProblems(headers: Record<string, unknown> | undefined, path: PathSegment[]): HttpProblem[] {
  const out: HttpProblem[] = [];
  for (const side of ['request', 'response'] as const) {
    const ops = recordAt(headers, side);
    for (const op of ['add', 'set'] as const) {
      for (const [name, value] of Object.entries(recordAt(ops, op) ?? {})) {
        const at: PathSegment[] = [...path, side, op, name];
        const problem = operationNameProblem(name, side === 'request');
        if (problem) out.push({ path: at, on: 'key', message: `The webhook rejects ${problem}.` });
        const valueProblem = typeof value === 'string' ? headerValueProblem(value) : undefined;
        if (valueProblem) {
          out.push({
            path: at,
            on: 'value',
            message: `The webhook rejects this header value: ${valueProblem}. Envoy reads %NAME% as a variable such as %HOSTNAME%.`,
          });
        }
      }
    }
    listAt(ops, 'remove').forEach((name, i) => {
      if (typeof name !== 'string') return;
      const problem = operationNameProblem(name, false);
      if (problem) out.push({ path: [...path, side, 'remove', i], on: 'value', message: `The webhook rejects ${problem}.` });
    });
  }
  return out;
}

/** rewrite.authority and request headers setting Host or :authority: only one of them may set the authority. */
export function authorityRewriteProblems(route: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  let current = stringAt(recordAt(route, 'rewrite'), 'authority');
  const request = recordAt(recordAt(route, 'headers'), 'request');
  for (const op of ['set', 'add'] as const) {
    for (const [name, value] of Object.entries(recordAt(request, op) ?? {})) {
      if (!isAuthority(name)) continue;
      if (current !== '') {
        return [
          {
            path: [...path, 'headers', 'request', op, name],
            on: 'key',
            message:
              `The webhook rejects setting the authority twice ("authority header cannot be set multiple times"): it is already "${current}". ` +
              'Keep one of rewrite.authority and the Host/:authority header operation.',
          },
        ];
      }
      current = typeof value === 'string' ? value : '';
    }
  }
  return [];
}

/** The CORS policy's origins, methods, header names and max age. */
export function corsProblems(policy: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const out: HttpProblem[] = [];
  listAt(policy, 'allowOrigins').forEach((item, i) => {
    const origin = asRecord(item);
    if (!origin) return;
    const kind = ['exact', 'prefix', 'regex'].find((k) => typeof origin[k] === 'string');
    if (kind === undefined || origin[kind] === '') {
      out.push({
        path: kind ? [...path, 'allowOrigins', i, kind] : [...path, 'allowOrigins', i],
        on: kind ? 'value' : 'key',
        message:
          'The webhook rejects an allowed origin without a value ("is not a valid match type for CORS allow origins"). ' +
          'Write exact: https://app.example.com, prefix: or regex:.',
      });
    }
  });
  listAt(policy, 'allowMethods').forEach((method, i) => {
    if (typeof method !== 'string' || CORS_METHODS.includes(method)) return;
    const upper = method.toUpperCase();
    const fixable = CORS_METHODS.includes(upper);
    out.push({
      path: [...path, 'allowMethods', i],
      on: 'value',
      message: `The webhook rejects the method "${method}": "is not a supported HTTP method". Write ${fixable ? upper : `one of ${CORS_METHODS.join(', ')}`} (upper case).`,
      fixTo: fixable ? { value: upper, title: `Write ${upper}` } : undefined,
    });
  });
  for (const field of ['allowHeaders', 'exposeHeaders']) {
    listAt(policy, field).forEach((name, i) => {
      if (typeof name !== 'string' || name === '*' || isHeaderToken(name)) return;
      out.push({
        path: [...path, field, i],
        on: 'value',
        message:
          name === ''
            ? 'The webhook rejects an empty header name ("header name cannot be empty"). Write the header name, or "*".'
            : `The webhook rejects "${name}": "is not a valid header name". Header names have no spaces, colons or quotes (e.g. x-request-id).`,
      });
    });
  }
  const maxAge = policy.maxAge;
  const nanos = typeof maxAge === 'string' ? parseDurationNanos(maxAge) : undefined;
  // Below 1ms or below ms precision is istio-duration-milliseconds' finding; whole seconds is this check.
  if (nanos !== undefined && nanos >= 1_000_000n && nanos % 1_000_000n === 0n && nanos % 1_000_000_000n !== 0n) {
    out.push({
      path: [...path, 'maxAge'],
      on: 'value',
      message: `The webhook rejects maxAge: ${String(maxAge)}: "max_age duration is accurate only to seconds precision". Write whole seconds, e.g. ${(nanos < 1_000_000_000n ? 1n : nanos / 1_000_000_000n).toString()}s.`,
    });
  }
  return out;
}
