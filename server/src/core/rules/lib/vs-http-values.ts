// Value checks Istio's webhook applies inside VirtualService HTTP routes (validation.go and
// header_value_validator.go), each answering why a value is refused, or undefined when it passes.
import type { PathSegment } from '../../locate';
import type { Severity } from '../../types';
import { asRecord } from '../../resources';

/** One finding of virtual-service-http-invalid, before the rule turns it into a report. */
export interface HttpProblem {
  path: PathSegment[];
  on: 'key' | 'value';
  message: string;
  /** Upstream only warns (Validation.Warning): the admission succeeds. */
  severity?: Severity;
  /** The one value that is clearly meant, for a quick fix on `path`. */
  fixTo?: { value: string; title: string };
}

/** RFC 7230 token characters: what the webhook's header-name pattern accepts. */
const TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
/** Control characters other than tab, which the webhook's header-value pattern refuses. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

export function isHeaderToken(name: string): boolean {
  return TOKEN.test(name);
}

/** `@request.auth.claims.a` or `@request.auth.claims[a]` (jwt.ToRoutingClaim; the prefix in any case). */
export function isJwtClaimKey(name: string): boolean {
  const prefix = '@request.auth.claims';
  if (!name.toLowerCase().startsWith(prefix)) return false;
  const rest = name.slice(prefix.length);
  return rest.startsWith('.') || (rest.startsWith('[') && rest.endsWith(']'));
}

/** Why Envoy's header formatter would refuse `value` (ValidateHTTPHeaderValue and its %VAR% parser). */
export function headerValueProblem(value: string): string | undefined {
  if (hasControl(value)) return 'it holds a control character';
  let state: 'text' | 'name' | 'array' | 'string-start' | 'string' | 'after-string' | 'args-end' | 'var-end' = 'text';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const more = i + 1 < value.length;
    switch (state) {
      case 'text':
        if (ch !== '%') break;
        if (!more) return 'it ends in a single "%" (write "%%" for a literal percent sign)';
        if (value[i + 1] === '%') i++;
        else state = 'name';
        break;
      case 'name':
        if (ch === '%') state = 'text';
        else if (ch === '(') state = 'array';
        break;
      case 'array':
        if (ch === '[') state = 'string-start';
        else if (ch !== ' ') state = 'string';
        break;
      case 'after-string':
        if (ch === ',') state = 'string-start';
        else if (ch === ']') state = 'args-end';
        else if (ch !== ' ') return `after an argument string it expects ",", "]" or a space, not "${ch}"`;
        break;
      case 'string-start':
        if (ch === '"') state = 'string';
        else if (ch !== ' ') return `an argument must start with '"', not "${ch}"`;
        break;
      case 'string':
        if (ch === '\\') {
          if (!more) return 'it ends in a lone backslash inside an argument';
          i++;
        } else if (ch === ')') state = 'var-end';
        else if (ch === '"') state = 'after-string';
        break;
      case 'args-end':
        if (ch === ')') state = 'var-end';
        else if (ch !== ' ') return `it expects ")" after the arguments, not "${ch}"`;
        break;
      case 'var-end':
        if (ch === '%') state = 'text';
        else if (ch !== ' ') return `it expects the closing "%" of the variable, not "${ch}"`;
        break;
    }
  }
  if (state !== 'text') return 'a %VARIABLE% is not closed (write "%%" for a literal percent sign)';
  return undefined;
}

/** The codes Go's http.StatusText knows: a retryOn entry may be one of them. */
const KNOWN_STATUS = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404,
  405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502,
  503, 504, 505, 506, 507, 508, 510, 511,
]);

/** Go's strconv.Atoi then http.StatusText: a decimal (sign allowed) naming a known status code. */
export function isKnownStatusCode(text: string): boolean {
  return /^[+-]?[0-9]+$/.test(text) && KNOWN_STATUS.has(Number(text));
}

/** The number at `key` when it is a number, else undefined (a wrong type is the schema's finding). */
export function numberAt(holder: Record<string, unknown> | undefined, key: string): number | undefined {
  const v = holder?.[key];
  return typeof v === 'number' ? v : undefined;
}

/** The `value` of a Percent message at `key`, when written as a number. */
export function percentValue(holder: Record<string, unknown> | undefined, key: string): number | undefined {
  return numberAt(asRecord(holder?.[key]), 'value');
}

/** validateHTTPStatus: 200..600 pass (upstream's message says 599). */
export function statusProblem(status: number | undefined, path: PathSegment[], what: string): HttpProblem[] {
  const s = status ?? 0;
  if (s >= 200 && s <= 600) return [];
  return [
    {
      path,
      on: status === undefined ? 'key' : 'value',
      message: `The webhook rejects ${what} ${s}: "HTTP status is not in range 200-599". Write a status from 200 to 599, e.g. 503.`,
    },
  ];
}

/** agent.ValidatePort, as the webhook words it (the CRD sets no range on these uint32 ports). */
export function webhookPortProblem(port: number, what: string): string | undefined {
  if (!Number.isInteger(port) || (port >= 1 && port <= 65535)) return undefined;
  return `The webhook rejects ${what} ${port}: "port number must be in the range 1..65535". Write a port from 1 to 65535.`;
}
