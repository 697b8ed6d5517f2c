// What the WasmPlugin CRD's CEL rules and list keys, and Istio's ValidateWasmPlugin webhook, reject:
// a url with a scheme Istio cannot fetch, repeated env names, env values read from the host, bad ports.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { parseRequestUri } from '../crd/go-url';
import { listAt, recordAt, stringAt } from './lib/go-values';
import { duplicates, portProblem } from './lib/istio-values';

const SCHEMES = ['', 'http', 'https', 'oci', 'file'];

/** The scheme Istio reads from a plugin url (a bare `registry/image:tag` is taken as http), or undefined when it does not parse. */
function urlScheme(url: string): string | undefined {
  const direct = parseRequestUri(url);
  if (direct) return direct.scheme;
  return parseRequestUri(`http://${url}`) ? 'http' : undefined;
}

export const rule: DocumentRule = {
  meta: {
    id: 'wasm-plugin-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A WasmPlugin the API server rejects: a url Istio cannot fetch, repeated or host-valued env entries, or bad match ports.',
    fixable: false,
  },
  kinds: ['extensions.istio.io/WasmPlugin'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    const url = spec.url;
    if (typeof url === 'string' && url !== '') {
      const scheme = urlScheme(url);
      if (scheme === undefined || !SCHEMES.includes(scheme)) {
        ctx.report({
          path: ['spec', 'url'],
          message:
            `The API server rejects the url "${url}": "url must have schema one of [http, https, file, oci]". ` +
            'Write oci://registry/image:tag for an image, https://host/plugin.wasm for a download, or file:///path/plugin.wasm for a file on the proxy.',
        });
      }
    }
    const env = recordAt(spec, 'vmConfig')?.env;
    for (const d of duplicates(env, 'name')) {
      ctx.report({
        path: ['spec', 'vmConfig', 'env', d.index, 'name'],
        message: `The API server rejects a second env entry named "${d.value}" ("Duplicate value"): names are the list's key. Keep one entry per variable.`,
      });
    }
    listAt(recordAt(spec, 'vmConfig'), 'env').forEach((item, i) => {
      const entry = asRecord(item);
      if (stringAt(entry, 'valueFrom') !== 'HOST' || entry?.value === undefined || entry.value === null) return;
      ctx.report({
        path: ['spec', 'vmConfig', 'env', i, 'value'],
        on: 'key',
        message:
          'The API server rejects value with valueFrom: HOST: "value may only be set when valueFrom is INLINE". ' +
          "Remove value to pass the proxy's own variable of that name, or remove valueFrom (INLINE is the default) to pass this value.",
      });
    });
    listAt(spec, 'match').forEach((item, m) => {
      const ports = asRecord(item)?.ports;
      const path: PathSegment[] = ['spec', 'match', m, 'ports'];
      for (const d of duplicates(ports, 'number')) {
        ctx.report({
          path: [...path, d.index, 'number'],
          message: `The API server rejects port ${d.value} twice in one match ("Duplicate value"): port numbers are the list's key. List each port once.`,
        });
      }
      listAt(asRecord(item), 'ports').forEach((p, i) => {
        const problem = portProblem(asRecord(p)?.number);
        if (problem) ctx.report({ path: [...path, i, 'number'], message: problem });
      });
    });
  },
};
