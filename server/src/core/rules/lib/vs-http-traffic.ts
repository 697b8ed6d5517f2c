// Where an Istio HTTP route sends traffic, as the webhook checks it: destinations and weights
// (validateHTTPRouteDestinations, validateDestination), mirrors (validateHTTPMirrors and the
// mirrorPercent/mirrorPercentage checks of validateHTTPRoute) and retries (validateHTTPRetry).
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { isSet, listAt, recordAt, stringAt } from './go-values';
import { headerOperationProblems } from './vs-http-headers';
import { destinationProblems, weightProblems } from './vs-destination';
import { isKnownStatusCode, numberAt, percentValue, type HttpProblem } from './vs-http-values';

const RETRY_ON = [
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
];

/** `route[]`: each destination, its header operations and weight, and the weights together. */
export function routeDestinationProblems(route: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const out: HttpProblem[] = [];
  const items = listAt(route, 'route');
  items.forEach((item, i) => {
    const rd = asRecord(item);
    if (!rd) return;
    const at: PathSegment[] = [...path, 'route', i];
    const headers = recordAt(rd, 'headers');
    if (headers) out.push(...headerOperationProblems(headers, [...at, 'headers']));
    const destination = recordAt(rd, 'destination');
    if (destination) out.push(...destinationProblems(destination, [...at, 'destination']));
  });
  out.push(...weightProblems(items, path));
  return out;
}

/** mirror, mirrors[], mirrorPercent (deprecated) and mirrorPercentage. */
export function mirrorProblems(route: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const out: HttpProblem[] = [];
  if (isSet(route, 'mirrorPercent')) {
    const v = numberAt(route, 'mirrorPercent');
    if (v !== undefined && v > 100) {
      out.push({
        path: [...path, 'mirrorPercent'],
        on: 'value',
        message: `The webhook rejects mirrorPercent ${v}: "must have a max value of 100". Write 0 to 100.`,
      });
    }
    out.push({
      path: [...path, 'mirrorPercent'],
      on: 'key',
      severity: 'warning',
      message:
        'The webhook warns: "using deprecated setting "mirrorPercent", use "mirrorPercentage" instead". Write mirrorPercentage: {value: <percent>}.',
    });
  }
  const percentProblem = (holder: Record<string, unknown>, key: string, at: PathSegment[]): void => {
    const v = percentValue(holder, key);
    if (v === undefined || (v >= 0 && v <= 100)) return;
    out.push({
      path: [...at, key, 'value'],
      on: 'value',
      message: `The webhook rejects a mirror percentage of ${v}: it must be from 0 to 100 ("${v > 100 ? 'max' : 'min'} value"). Write 0 to 100.`,
    });
  };
  percentProblem(route, 'mirrorPercentage', path);
  const mirror = recordAt(route, 'mirror');
  if (mirror) out.push(...destinationProblems(mirror, [...path, 'mirror']));
  listAt(route, 'mirrors').forEach((item, i) => {
    const policy = asRecord(item);
    const destination = recordAt(policy, 'destination');
    if (!policy || !destination) return; // a missing destination is the CRD's `required`
    out.push(...destinationProblems(destination, [...path, 'mirrors', i, 'destination']));
    percentProblem(policy, 'percentage', [...path, 'mirrors', i]);
  });
  return out;
}

export function retryProblems(retries: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const out: HttpProblem[] = [];
  const attempts = numberAt(retries, 'attempts') ?? 0;
  if (attempts < 0) {
    out.push({
      path: [...path, 'attempts'],
      on: 'value',
      message: `The webhook rejects attempts: ${attempts} ("attempts cannot be negative"). Write 0 to turn retries off, or a positive count.`,
    });
  }
  const policySet = ['perTryTimeout', 'retryRemoteLocalities'].filter((k) => isSet(retries, k));
  if (stringAt(retries, 'retryOn') !== '') policySet.unshift('retryOn');
  if (attempts === 0 && policySet.length > 0) {
    const written = isSet(retries, 'attempts');
    out.push({
      path: written ? [...path, 'attempts'] : path,
      on: written ? 'value' : 'key',
      message:
        `The webhook rejects ${policySet.join(', ')} with ${written ? 'attempts: 0' : 'no attempts (0, retries off)'}: ` +
        '"http retry policy configured when attempts are set to 0 (disabled)". Set attempts to the number of retries, e.g. attempts: 3.',
    });
  }
  const retryOn = stringAt(retries, 'retryOn');
  if (retryOn !== '') {
    const bad = retryOn.split(',').filter((p) => !isKnownStatusCode(p) && !RETRY_ON.includes(p));
    if (bad.length > 0) {
      const cleaned = retryOn
        .split(',')
        .map((p) => p.trim())
        .join(',');
      const fixable = cleaned.split(',').every((p) => isKnownStatusCode(p) || RETRY_ON.includes(p));
      out.push({
        path: [...path, 'retryOn'],
        on: 'value',
        message:
          `The webhook rejects retryOn ${bad.map((p) => `"${p}"`).join(', ')}: "is not a valid retryOn policy". ` +
          (fixable
            ? `Write the list without spaces: ${cleaned}.`
            : `Use comma-separated Envoy conditions (no spaces) such as 5xx, gateway-error, reset, connect-failure, retriable-4xx, or HTTP status codes.`),
        fixTo: fixable ? { value: cleaned, title: `Write ${cleaned}` } : undefined,
      });
    }
  }
  return out;
}
