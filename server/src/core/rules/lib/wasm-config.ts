// Checks of a Wasm module's settings that WasmPlugin (at spec) and TrafficExtension (at spec.wasm)
// share, from the CEL rules and list keys the two CRDs have in common: the url's scheme, env entries,
// and match ports listed twice.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { parseRequestUri } from '../../crd/go-url';
import { listAt, recordAt, stringAt } from './go-values';
import { duplicates, type Problem } from './istio-values';

const SCHEMES = ['', 'http', 'https', 'oci', 'file'];

/** The scheme Istio reads from a plugin url (a bare `registry/image:tag` is taken as http), or undefined when it does not parse. */
function urlScheme(url: string): string | undefined {
  const direct = parseRequestUri(url);
  if (direct) return direct.scheme;
  return parseRequestUri(`http://${url}`) ? 'http' : undefined;
}

/** The url and vmConfig.env problems of the Wasm settings held at `at`. */
export function wasmModuleProblems(holder: Record<string, unknown>, at: PathSegment[]): Problem[] {
  const out: Problem[] = [];
  const url = holder.url;
  if (typeof url === 'string' && url !== '') {
    const scheme = urlScheme(url);
    if (scheme === undefined || !SCHEMES.includes(scheme)) {
      out.push({
        path: [...at, 'url'],
        on: 'value',
        message:
          `The API server rejects the url "${url}": "url must have schema one of [http, https, file, oci]". ` +
          'Write oci://registry/image:tag for an image, https://host/plugin.wasm for a download, or file:///path/plugin.wasm for a file on the proxy.',
      });
    }
  }
  const env = recordAt(holder, 'vmConfig')?.env;
  for (const d of duplicates(env, 'name')) {
    out.push({
      path: [...at, 'vmConfig', 'env', d.index, 'name'],
      on: 'value',
      message: `The API server rejects a second env entry named "${d.value}" ("Duplicate value"): names are the list's key. Keep one entry per variable.`,
    });
  }
  listAt(recordAt(holder, 'vmConfig'), 'env').forEach((item, i) => {
    const entry = asRecord(item);
    if (stringAt(entry, 'valueFrom') !== 'HOST' || entry?.value === undefined || entry.value === null) return;
    out.push({
      path: [...at, 'vmConfig', 'env', i, 'value'],
      on: 'key',
      message:
        'The API server rejects value with valueFrom: HOST: "value may only be set when valueFrom is INLINE". ' +
        "Remove value to pass the proxy's own variable of that name, or remove valueFrom (INLINE is the default) to pass this value.",
    });
  });
  return out;
}

/** Match ports listed twice in one match entry (the ports list is keyed by number). */
export function duplicateMatchPorts(spec: Record<string, unknown>): Problem[] {
  return listAt(spec, 'match').flatMap((item, m) =>
    duplicates(asRecord(item)?.ports, 'number').map((d) => ({
      path: ['spec', 'match', m, 'ports', d.index, 'number'],
      on: 'value' as const,
      message: `The API server rejects port ${d.value} twice in one match ("Duplicate value"): port numbers are the list's key. List each port once.`,
    })),
  );
}
