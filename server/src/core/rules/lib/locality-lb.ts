// The webhook's checks of a DestinationRule's loadBalancer.localityLbSetting (Istio's
// pkg/config/validation/agent/validation.go ValidateLocalityLbSetting and validateLocalities, called
// from validation.go validateLoadBalancer). Where Go returns at the first error, so do we: a person
// then fixes one thing at a time, as the API server's answer would have them do.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { listAt, stringAt } from './go-values';
import type { Problem } from './istio-values';

/** Istio's topology labels, which failoverPriority may not name while failover is set. */
const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

/**
 * Why a list of localities is refused (a '*' only once and last, no empty part, no locality covered
 * by an earlier one), or undefined. Mirrors validateLocalities' region/zone/subzone tree.
 */
export function localitiesProblem(localities: readonly string[]): string | undefined {
  const tree = new Map<string, Map<string, Set<string>>>();
  for (const locality of localities) {
    const stars = locality.split('*').length - 1;
    if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) return `"${locality}" may hold one '*', and only at its end`;
    if (tree.has('*')) return `"${locality}" is already covered by an earlier "*"`;
    const parts = locality.split('/');
    // Go's SplitN(locality, "/", 3): a third part keeps any further slashes.
    const items = parts.length > 3 ? [parts[0], parts[1], parts.slice(2).join('/')] : parts;
    if (items.some((i) => i === '')) return `"${locality}" has an empty region, zone or subzone`;
    const [region, zone, subZone] = items;
    const overlap = `"${locality}" overlaps a locality listed before it`;
    const zones = tree.get(region);
    if (items.length === 1) {
      if (zones) return overlap;
      tree.set(region, new Map([['*', new Set(['*'])]]));
    } else if (items.length === 2) {
      if (zones?.has('*') || zones?.has(zone)) return overlap;
      if (zones) zones.set(zone, new Set(['*']));
      else tree.set(region, new Map([[zone, new Set(['*'])]]));
    } else {
      if (zones?.has('*')) return overlap;
      const subZones = zones?.get(zone);
      if (subZones?.has('*') || subZones?.has(subZone)) return overlap;
      if (subZones) subZones.add(subZone);
      else if (zones) zones.set(zone, new Set([subZone]));
      else tree.set(region, new Map([[zone, new Set([subZone])]]));
    }
  }
  return undefined;
}

/** Every problem the webhook finds in one localityLbSetting; `hasOutlier` says whether outlierDetection is set beside it. */
export function localityLbProblems(setting: Record<string, unknown> | undefined, hasOutlier: boolean, path: PathSegment[]): Problem[] {
  if (!setting) return [];
  const distribute = listAt(setting, 'distribute');
  const failover = listAt(setting, 'failover');
  const priority = listAt(setting, 'failoverPriority');
  if (distribute.length > 0 && failover.length > 0) {
    return [
      {
        path: [...path, 'failover'],
        on: 'key',
        message:
          "The API server rejects distribute and failover together (\"can not simultaneously specify 'distribute' and 'failover'\"). " +
          'Keep one: distribute to share traffic by weight, or failover to move it when a region is unhealthy.',
      },
    ];
  }
  if (failover.length > 0) {
    const index = priority.findIndex((p) => typeof p === 'string' && TOPOLOGY_LABELS.includes(p));
    if (index >= 0) {
      return [
        {
          path: [...path, 'failoverPriority', index],
          on: 'value',
          message: `The API server rejects the topology label "${String(priority[index])}" in failoverPriority while failover is set. Remove failover, or list only your own labels in failoverPriority.`,
        },
      ];
    }
  }
  const out: Problem[] = [];
  for (let i = 0; i < distribute.length; i++) {
    const entry = asRecord(distribute[i]);
    const to = asRecord(entry?.to) ?? {};
    const weights = Object.entries(to);
    const bad = weights.find(([, w]) => typeof w === 'number' && (w <= 0 || w > 100));
    if (bad) {
      return [
        ...out,
        {
          path: [...path, 'distribute', i, 'to', bad[0]],
          on: 'value',
          message: `The API server rejects the weight ${String(bad[1])}: "locality weight must be in range [1, 100]". Write a weight from 1 to 100.`,
        },
      ];
    }
    const total = weights.reduce((sum, [, w]) => sum + (typeof w === 'number' ? w : 0), 0);
    if (total !== 100) {
      return [
        ...out,
        {
          path: [...path, 'distribute', i, 'to'],
          on: 'key',
          message: `The API server rejects these weights: they add up to ${total}, not 100 ("total locality weight ${total} != 100"). Make them add up to 100.`,
        },
      ];
    }
    const problem = localitiesProblem(weights.map(([k]) => k));
    if (problem)
      out.push({ path: [...path, 'distribute', i, 'to'], on: 'key', message: `The API server rejects this locality list: ${problem}.` });
  }
  const froms = distribute.map((d) => stringAt(asRecord(d), 'from'));
  const fromProblem = localitiesProblem(froms);
  if (fromProblem)
    out.push({ path: [...path, 'distribute'], on: 'key', message: `The API server rejects these from localities: ${fromProblem}.` });
  if ((failover.length > 0 || priority.length > 0) && !hasOutlier) {
    out.push({
      path: [...path, failover.length > 0 ? 'failover' : 'failoverPriority'],
      on: 'key',
      severity: 'warning',
      message:
        'The webhook warns that failover needs outlier detection: without outlierDetection no endpoint is ever marked unhealthy, ' +
        'so traffic never fails over. Add trafficPolicy.outlierDetection (for example consecutive5xxErrors).',
    });
  }
  for (let i = 0; i < failover.length; i++) {
    const entry = asRecord(failover[i]);
    const from = stringAt(entry, 'from');
    const to = stringAt(entry, 'to');
    const at = [...path, 'failover', i];
    if (from === to)
      out.push({ path: at, on: 'key', message: `The API server rejects a failover from "${from}" to itself: name two different regions.` });
    if (from.includes('/') || to.includes('/'))
      out.push({
        path: at,
        on: 'key',
        message: 'The API server rejects zones in failover ("locality lb failover only specify region"): write regions only.',
      });
    if (from.includes('*') || to.includes('*'))
      out.push({ path: at, on: 'key', message: "The API server rejects '*' in failover regions: name each region." });
  }
  return out;
}
